package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 台账导出 (the whole ledger as a verifiable export, {@value #FORMAT}): NDJSON, one JSON object a line
 * (docs/transparency-log.md, "The ledger export"):
 * <ol>
 *   <li>a header, {@code {"kind":"header", "format", "hashAlgorithm", "origin", "treeSize", "rootHash" (base64),
 *       "checkpoint" (the signed note), "cosignatures", "keys": [{name, type, verifierKey}], "exportedAt"}};</li>
 *   <li>every stored entry of the ledger in global-index order, {@code 0 … treeSize−1}, exactly as stored — the
 *       fields the chain hashes, its stored {@code hash}, and {@code commit}, the global index at which the entry's
 *       commit document starts — as {@code {"kind":"entry", …}};</li>
 *   <li>data kept beside the chain (rule sets) as {@code {"kind":"ruleSet", …}} lines, not covered by the log;</li>
 *   <li>a trailer, {@code {"kind":"end", "entries", "lines"}}, so that a cut file is detected.</li>
 * </ol>
 * The entries are exactly the leaves of the checkpoint's tree: recomputing every chain and the Merkle root from them
 * must give the signed root ({@link LedgerExportVerifier}).
 */
public final class LedgerExport {

    /** The format's name and version. */
    public static final String FORMAT = "eco-ledger-export/1";
    /** The longest line a reader accepts, in characters (an entry's payload is bounded by the store's document). */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    public static final String KIND = "kind";
    public static final String HEADER = "header";
    public static final String ENTRY = "entry";
    public static final String RULE_SET = "ruleSet";
    public static final String END = "end";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LedgerExport() {
    }

    /** A published key of the log, as the header lists it. */
    public record Key(String name, String type, String verifierKey) {
    }

    /** The header line. */
    public static ObjectNode header(HashAlgorithm algorithm, String origin, long treeSize, byte[] rootHash,
                                    String checkpoint, List<String> cosignatures, List<Key> keys,
                                    String exportedAt) {
        ObjectNode header = JSON.objectNode().put(KIND, HEADER).put("format", FORMAT)
                                .put("hashAlgorithm", algorithm.id()).put("origin", origin).put("treeSize", treeSize)
                                .put("rootHash", Base64.getEncoder().encodeToString(rootHash))
                                .put("checkpoint", checkpoint);
        ArrayNode cosigned = header.putArray("cosignatures");
        cosignatures.forEach(cosigned::add);
        ArrayNode keyArray = header.putArray("keys");
        for (Key key : keys) {
            keyArray.addObject().put("name", key.name()).put("type", key.type()).put("verifierKey", key.verifierKey());
        }
        header.put("exportedAt", exportedAt);
        return header;
    }

    /** An entry line: the entry as stored and the start of its commit. */
    public static ObjectNode entry(long commit, StoredEntry stored) {
        ChainEntry entry = stored.entry();
        ObjectNode line = JSON.objectNode().put(KIND, ENTRY).put("commit", commit)
                              .put("aggregateType", entry.aggregateType()).put("aggregateId", entry.aggregateId())
                              .put("sequence", entry.sequence()).put("globalIndex", entry.globalIndex())
                              .put("eventId", entry.eventId()).put("payloadType", entry.payloadType());
        if (entry.payloadRevision() == null) {
            line.putNull("payloadRevision");
        } else {
            line.put("payloadRevision", entry.payloadRevision());
        }
        line.put("timestamp", entry.timestamp());
        line.set("payload", entry.payload());
        line.set("metadata", entry.metadata());
        line.put("prevHash", entry.prevHash()).put("hash", stored.storedHash());
        return line;
    }

    /** An entry line read back. */
    public record Entry(long commit, StoredEntry stored) {
    }

    /**
     * Reads an entry line.
     *
     * @throws EvidenceFormatException when a field is missing or of the wrong type
     */
    public static Entry parseEntry(JsonNode line) {
        JsonNode revision = line.get("payloadRevision");
        ChainEntry entry;
        try {
            entry = new ChainEntry(text(line, "aggregateType"), text(line, "aggregateId"), number(line, "sequence"),
                                   number(line, "globalIndex"), text(line, "eventId"), text(line, "payloadType"),
                                   revision == null || revision.isNull() ? null : revision.asText(),
                                   text(line, "timestamp"), object(line, "payload"), object(line, "metadata"),
                                   text(line, "prevHash"));
            return new Entry(number(line, "commit"), new StoredEntry(entry, text(line, "hash")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EvidenceFormatException("an entry line is malformed: " + e.getMessage());
        }
    }

    /** The keys a header lists. */
    public static List<Key> keys(JsonNode header) {
        List<Key> keys = new ArrayList<>();
        for (JsonNode key : header.path("keys")) {
            keys.add(new Key(key.path("name").asText(), key.path("type").asText(), key.path("verifierKey").asText()));
        }
        return keys;
    }

    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not text");
        }
        return value.textValue();
    }

    static long number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' is not an integer");
        }
        return value.longValue();
    }

    private static JsonNode object(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }
}
