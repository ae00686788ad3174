package org.ecoledger.core.log;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.chain.CanonicalJson;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.StoredEntry;

/**
 * One leaf of the ledger's log: one stored event, at leaf index {@code globalIndex}. The leaf commits to the event's
 * chain hash, and through it to everything the chain hash covers (docs/hash-chain.md), and names the record and
 * the place of the event in it, so an inclusion proof of the leaf shows which record's which entry is in the log.
 * <pre>
 *   leaf = "eco-ledger/leaf/v1" 0x0A JCS({"aggregateId": …, "globalIndex": n, "hash": "&lt;chain hash hex&gt;",
 *                                         "sequence": s})
 * </pre>
 *
 * @param aggregateId the record's identifier
 * @param globalIndex the event's global index, which is also its leaf index
 * @param hash        the event's stored chain hash, lowercase hex
 * @param sequence    the event's sequence in its record
 */
public record LogLeaf(String aggregateId, long globalIndex, String hash, long sequence) {

    /** The domain-separation tag that opens every leaf, before one 0x0A byte. */
    public static final String DOMAIN_TAG = "eco-ledger/leaf/v1";

    private static final byte[] PREFIX = (DOMAIN_TAG + "\n").getBytes(StandardCharsets.US_ASCII);

    public LogLeaf {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(hash, "hash");
        if (globalIndex < 0 || sequence < 0) {
            throw new IllegalArgumentException("globalIndex and sequence must be >= 0");
        }
    }

    /** The leaf of a stored entry: its record, global index, stored hash and sequence. */
    public static LogLeaf of(StoredEntry stored) {
        ChainEntry entry = stored.entry();
        return new LogLeaf(entry.aggregateId(), entry.globalIndex(), stored.storedHash(), entry.sequence());
    }

    /** The leaf's bytes: the tag, 0x0A, the canonical JSON. */
    public byte[] bytes() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("aggregateId", aggregateId);
        object.put("globalIndex", globalIndex);
        object.put("hash", hash);
        object.put("sequence", sequence);
        byte[] json = CanonicalJson.encode(object);
        byte[] bytes = new byte[PREFIX.length + json.length];
        System.arraycopy(PREFIX, 0, bytes, 0, PREFIX.length);
        System.arraycopy(json, 0, bytes, PREFIX.length, json.length);
        return bytes;
    }

    /** H(0x00 || {@link #bytes()}) with the tree's hash algorithm. */
    public byte[] leafHash(MerkleTree tree) {
        return tree.leafHash(bytes());
    }
}
