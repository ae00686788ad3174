package org.ecoledger.core.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a {@link LedgerExport} offline, streaming: one line at a time, holding per record only its next sequence
 * and last hash, and the Merkle tree's compact range. In this order, the first failure is reported with where and
 * why (line, global index, record and sequence, expected and actual):
 * <ol>
 *   <li>the header: the format, the hash algorithm, a checkpoint that parses, for the header's origin, of the
 *       header's tree size and root;</li>
 *   <li>the checkpoint's signatures: none by a trusted key fails and at least one verifies — the trusted keys are the
 *       auditor's ({@code --key}), or, when none is given, the keys the header lists (then the result says so: the
 *       file is consistent with itself, not yet trusted);</li>
 *   <li>every entry line: at the next global index; in its record, at the next sequence, linked to the record's
 *       previous stored hash (the genesis value at sequence 0); its hash recomputed from its fields equals the stored
 *       one;</li>
 *   <li>the end: exactly the tree size of entries, the Merkle root of their leaves equals the signed root, and the
 *       trailer counts them.</li>
 * </ol>
 */
public final class LedgerExportVerifier {

    /** The result: valid or the first failure, with counts and the checkpoint it was checked against. */
    public record Result(boolean valid, long entries, long records, long treeSize, String rootHash, String signedBy,
                         boolean keysFromFile, String item, String problem, String expected, String actual) {

        static Result invalid(long entries, long records, String item, String problem, String expected,
                              String actual) {
            return new Result(false, entries, records, 0, null, null, false, item, problem, expected, actual);
        }

        public String describe() {
            if (valid) {
                return "VALID: " + entries + " entries in " + records + " records, every chain and the log of "
                        + treeSize + " leaves with root " + rootHash + ", signed by " + signedBy
                        + (keysFromFile ? " (a key the export itself lists: pass --key to check it is the ledger's)"
                                        : "");
            }
            return "INVALID: " + item + ": " + problem + (expected == null ? "" : " (expected " + expected
                    + ", found " + actual + ")");
        }
    }

    private final List<NoteVerifier> trusted;
    private final ObjectMapper mapper;

    /**
     * @param trusted the auditor's keys of the log; empty to check the export against the keys it lists
     * @param mapper  reads the lines
     */
    public LedgerExportVerifier(List<NoteVerifier> trusted, ObjectMapper mapper) {
        this.trusted = List.copyOf(Objects.requireNonNull(trusted, "trusted"));
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A line that is not JSON, too long, or not where it should be is invalid input for that line. */
    public Result verify(BufferedReader lines) throws IOException {
        long lineNumber = 1;
        String first = lines.readLine();
        if (first == null) {
            return Result.invalid(0, 0, "line 1", "the export is empty", "a header", "nothing");
        }
        JsonNode header;
        try {
            header = mapper.readTree(first);
        } catch (JsonProcessingException e) {
            return Result.invalid(0, 0, "line 1", "the header is not JSON", null, null);
        }
        if (!LedgerExport.HEADER.equals(header.path(LedgerExport.KIND).asText())
                || !LedgerExport.FORMAT.equals(header.path("format").asText())) {
            return Result.invalid(0, 0, "line 1", "not a ledger export header", LedgerExport.FORMAT,
                                  header.path("format").asText());
        }
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.fromId(header.path("hashAlgorithm").asText());
        } catch (IllegalArgumentException e) {
            return Result.invalid(0, 0, "header", "unknown hash algorithm", "SHA-256 or SM3",
                                  header.path("hashAlgorithm").asText());
        }
        long treeSize = header.path("treeSize").asLong(-1);
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(header.path("checkpoint").asText());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Result.invalid(0, 0, "checkpoint", "malformed: " + e.getMessage(), null, null);
        }
        if (!checkpoint.origin().equals(header.path("origin").asText())) {
            return Result.invalid(0, 0, "checkpoint origin", "the checkpoint is for another log",
                                  header.path("origin").asText(), checkpoint.origin());
        }
        if (checkpoint.size() != treeSize) {
            return Result.invalid(0, 0, "checkpoint size", "the header's tree size is not the checkpoint's",
                                  Long.toString(checkpoint.size()), Long.toString(treeSize));
        }
        String signedRoot = Base64.getEncoder().encodeToString(checkpoint.rootHash());
        if (!signedRoot.equals(header.path("rootHash").asText())) {
            return Result.invalid(0, 0, "checkpoint root", "the header's root is not the checkpoint's", signedRoot,
                                  header.path("rootHash").asText());
        }
        boolean keysFromFile = trusted.isEmpty();
        List<NoteVerifier> keys;
        try {
            keys = keysFromFile ? LedgerExport.keys(header).stream()
                                              .map(key -> NoteKeys.parseVerifierKey(key.verifierKey())).toList()
                                : trusted;
        } catch (RuntimeException e) {
            return Result.invalid(0, 0, "header keys", "a key of the header does not parse: " + e.getMessage(),
                                  null, null);
        }
        NoteVerification signatures = note.verify(keys);
        if (!signatures.valid() || signatures.verified().isEmpty()) {
            return Result.invalid(0, 0, "checkpoint signature", signatures.failedKey() != null
                    ? "the signature by " + signatures.failedKey() + " does not verify"
                    : "no signature by a trusted key of the log", null, null);
        }
        String signedBy = signatures.verified().stream()
                                    .map(s -> s.name() + " (" + s.type().name().toLowerCase(java.util.Locale.ROOT) + ")")
                                    .distinct().reduce((a, b) -> a + ", " + b).orElseThrow();

        EntryHasher hasher = new EntryHasher(algorithm);
        MerkleTree tree = new MerkleTree(algorithm);
        CompactRange range = CompactRange.empty(tree);
        Map<String, Link> records = new HashMap<>();
        long entries = 0;
        boolean ended = false;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            if (ended) {
                return Result.invalid(entries, records.size(), "line " + lineNumber, "content after the trailer",
                                      null, null);
            }
            if (text.length() > LedgerExport.MAX_LINE_CHARS) {
                return Result.invalid(entries, records.size(), "line " + lineNumber, "the line is too long", null,
                                      null);
            }
            JsonNode line;
            try {
                line = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                return Result.invalid(entries, records.size(), "line " + lineNumber, "not JSON", null, null);
            }
            String kind = line.path(LedgerExport.KIND).asText();
            if (LedgerExport.ENTRY.equals(kind)) {
                LedgerExport.Entry parsed;
                try {
                    parsed = LedgerExport.parseEntry(line);
                } catch (EvidenceFormatException e) {
                    return Result.invalid(entries, records.size(), "line " + lineNumber, e.getMessage(), null, null);
                }
                StoredEntry stored = parsed.stored();
                ChainEntry entry = stored.entry();
                String where = "line " + lineNumber + " (global index " + entry.globalIndex() + ", "
                        + entry.aggregateId() + " sequence " + entry.sequence() + ")";
                if (entry.globalIndex() != entries) {
                    return Result.invalid(entries, records.size(), where, "not the next global index",
                                          Long.toString(entries), Long.toString(entry.globalIndex()));
                }
                Link link = records.get(entry.aggregateId());
                long expectedSequence = link == null ? 0 : link.next;
                String expectedPrev = link == null ? hasher.genesisHash() : link.hash;
                if (entry.sequence() != expectedSequence) {
                    return Result.invalid(entries, records.size(), where, "not the record's next sequence",
                                          Long.toString(expectedSequence), Long.toString(entry.sequence()));
                }
                if (link != null && !link.aggregateType.equals(entry.aggregateType())) {
                    return Result.invalid(entries, records.size(), where, "the record's aggregate type changed",
                                          link.aggregateType, entry.aggregateType());
                }
                if (!expectedPrev.equals(entry.prevHash())) {
                    return Result.invalid(entries, records.size(), where,
                                          "the link is not the record's previous hash", expectedPrev, entry.prevHash());
                }
                String recomputed = hasher.hash(entry);
                if (!recomputed.equals(stored.storedHash())) {
                    return Result.invalid(entries, records.size(), where,
                                          "the entry's content does not hash to its stored hash", recomputed,
                                          stored.storedHash());
                }
                records.put(entry.aggregateId(), new Link(entry.aggregateType(), entry.sequence() + 1,
                                                          stored.storedHash()));
                range = range.append(LogLeaf.of(stored).leafHash(tree), (level, index, hash) -> { });
                entries++;
            } else if (LedgerExport.RULE_SET.equals(kind)) {
                continue;
            } else if (LedgerExport.END.equals(kind)) {
                if (line.path("entries").asLong(-1) != entries) {
                    return Result.invalid(entries, records.size(), "trailer", "the trailer counts other entries",
                                          Long.toString(entries), line.path("entries").asText());
                }
                ended = true;
            } else {
                return Result.invalid(entries, records.size(), "line " + lineNumber, "unknown kind of line",
                                      "header, entry, ruleSet or end", kind);
            }
        }
        if (!ended) {
            return Result.invalid(entries, records.size(), "end of file", "the trailer is missing: the export is cut",
                                  null, null);
        }
        if (entries != treeSize) {
            return Result.invalid(entries, records.size(), "entries", "the export holds another number of entries "
                    + "than the checkpoint's tree", Long.toString(treeSize), Long.toString(entries));
        }
        byte[] root = range.root();
        if (!Arrays.equals(root, checkpoint.rootHash())) {
            return Result.invalid(entries, records.size(), "log root", "the Merkle root of the entries is not the "
                    + "signed root", HexFormat.of().formatHex(checkpoint.rootHash()), HexFormat.of().formatHex(root));
        }
        return new Result(true, entries, records.size(), treeSize, signedRoot, signedBy, keysFromFile, null, null,
                          null, null);
    }

    private record Link(String aggregateType, long next, String hash) {
    }
}
