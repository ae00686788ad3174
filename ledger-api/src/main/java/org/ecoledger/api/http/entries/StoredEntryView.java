package org.ecoledger.api.http.entries;

import org.ecoledger.api.http.writes.StoredTypes;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.StoredEntry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry of a record as stored: every field its hash covers (so an auditor can recompute it, see
 * {@code docs/hash-chain.md}), its stored hash, and the API's name of its type.
 *
 * @param sequence        position in the record (the registration is 0)
 * @param type            API.md's entry type, or {@code REGISTERED}
 * @param entryId         the stored event identifier
 * @param recordedAt      the stored timestamp, as stored
 * @param aggregateType   the stored aggregate type
 * @param aggregateId     the stored (typed) aggregate identifier, {@code official/<id>}
 * @param globalIndex     position in the whole ledger
 * @param payloadType     the stored payload type
 * @param payloadRevision the stored payload revision
 * @param payload         the stored payload
 * @param metadata        the stored metadata
 * @param prevHash        the stored link to the previous entry
 * @param hash            the stored hash
 */
public record StoredEntryView(long sequence, String type, String entryId, String recordedAt, String aggregateType,
                              String aggregateId, long globalIndex, String payloadType, String payloadRevision,
                              JsonNode payload, JsonNode metadata, String prevHash, String hash) {

    public static StoredEntryView of(StoredEntry stored) {
        ChainEntry entry = stored.entry();
        return new StoredEntryView(entry.sequence(), StoredTypes.name(entry.payloadType()), entry.eventId(),
                                   entry.timestamp(), entry.aggregateType(), entry.aggregateId(),
                                   entry.globalIndex(), entry.payloadType(), entry.payloadRevision(),
                                   entry.payload(), entry.metadata(), entry.prevHash(), stored.storedHash());
    }
}
