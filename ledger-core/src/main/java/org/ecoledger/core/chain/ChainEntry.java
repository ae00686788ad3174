package org.ecoledger.core.chain;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything stored about one event that its hash covers: the record it belongs to, its place in the record and in
 * the ledger, what it says, and the link to the previous event of the record. The entry's own hash is not part of it
 * (see {@link StoredEntry}).
 *
 * <p>Values are taken as stored, not interpreted: {@code timestamp} is the ISO-8601 text exactly as written, and
 * {@code payload} and {@code metadata} are the stored JSON trees. The JSON trees are not copied; treat them as
 * immutable once they are in an entry.
 *
 * @param aggregateType   type of the record, e.g. {@code "Official"}
 * @param aggregateId     identifier of the record
 * @param sequence        position of the event in its record, from 0
 * @param globalIndex     position of the event in the whole ledger, from 0
 * @param eventId         the event's identifier
 * @param payloadType     the payload's type name, as stored
 * @param payloadRevision the payload's revision, or {@code null} when it has none
 * @param timestamp       ISO-8601 instant text, exactly as stored
 * @param payload         the stored payload (an object in honest data)
 * @param metadata        the stored metadata object, possibly empty
 * @param prevHash        lowercase hex hash of the previous event of the record; {@link HashAlgorithm#zeroHex()} for
 *                        sequence 0
 */
public record ChainEntry(String aggregateType, String aggregateId, long sequence, long globalIndex, String eventId,
                         String payloadType, String payloadRevision, String timestamp,
                         JsonNode payload, JsonNode metadata, String prevHash) {

    public ChainEntry {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(prevHash, "prevHash");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
        if (globalIndex < 0) {
            throw new IllegalArgumentException("globalIndex must be >= 0, was " + globalIndex);
        }
    }
}
