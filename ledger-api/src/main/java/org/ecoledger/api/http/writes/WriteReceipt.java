package org.ecoledger.api.http.writes;

/**
 * The answer to a write: where the new entry stands in its record and its place in the chain, read back from the
 * store after the command.
 *
 * @param sequence   the entry's sequence in its record (the registration is 0)
 * @param entryId    the stored event identifier
 * @param type       the entry type (API.md's names; {@code REGISTERED} for the registration; for other records the
 *                   event's name)
 * @param recordedAt the stored timestamp, exactly as stored and hashed
 * @param prevHash   the stored hash of the record's previous entry (the genesis value for sequence 0)
 * @param hash       the entry's stored hash
 */
public record WriteReceipt(long sequence, String entryId, String type, String recordedAt, String prevHash,
                           String hash) {
}
