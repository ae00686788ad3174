package org.ecoledger.core.chain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes the hash of a {@link ChainEntry}, as specified in {@code docs/hash-chain.md}:
 * <pre>
 *   bytes = "eco-ledger/entry/v1" 0x0A JCS({scheme: 1, aggregateType, aggregateId, sequence, globalIndex, eventId,
 *                                           payloadType, payloadRevision, timestamp, payload, metadata, prevHash})
 *   hash  = lowercase hex of H(bytes)
 * </pre>
 * where JCS is {@link CanonicalJson} and H the ledger's {@link HashAlgorithm}. Immutable and thread-safe.
 */
public final class EntryHasher {

    /** The domain-separation tag that opens the hashed bytes of every entry, before one 0x0A byte. */
    public static final String DOMAIN_TAG = "eco-ledger/entry/v1";

    /** Value of the {@code scheme} member: the version of this canonical form. */
    public static final int SCHEME = 1;

    private static final byte[] PREFIX = (DOMAIN_TAG + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final HashAlgorithm algorithm;

    public EntryHasher(HashAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The exact bytes that are hashed: the tag, 0x0A, then the canonical JSON of the entry.
     *
     * @throws NonCanonicalValueException when the payload or metadata holds a value outside the canonical subset;
     *                                    its pointer is relative to the hashed object, e.g. {@code /payload/amount}
     */
    public byte[] canonicalBytes(ChainEntry entry) {
        byte[] json = canonicalJson(entry);
        byte[] bytes = new byte[PREFIX.length + json.length];
        System.arraycopy(PREFIX, 0, bytes, 0, PREFIX.length);
        System.arraycopy(json, 0, bytes, PREFIX.length, json.length);
        return bytes;
    }

    /**
     * The entry's hash, lowercase hex.
     *
     * @throws NonCanonicalValueException as {@link #canonicalBytes}
     */
    public String hash(ChainEntry entry) {
        return HEX.formatHex(algorithm.digest(PREFIX, canonicalJson(entry)));
    }

    /** The value sequence 0 of every record links to: {@link HashAlgorithm#zeroHex()}. */
    public String genesisHash() {
        return algorithm.zeroHex();
    }

    private static byte[] canonicalJson(ChainEntry entry) {
        Objects.requireNonNull(entry, "entry");
        // A shallow tree over the entry's own nodes; CanonicalJson sorts the members.
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("scheme", SCHEME);
        object.put("aggregateType", entry.aggregateType());
        object.put("aggregateId", entry.aggregateId());
        object.put("sequence", entry.sequence());
        object.put("globalIndex", entry.globalIndex());
        object.put("eventId", entry.eventId());
        object.put("payloadType", entry.payloadType());
        object.put("payloadRevision", entry.payloadRevision());
        object.put("timestamp", entry.timestamp());
        object.set("payload", entry.payload());
        object.set("metadata", entry.metadata());
        object.put("prevHash", entry.prevHash());
        return CanonicalJson.encode(object);
    }
}
