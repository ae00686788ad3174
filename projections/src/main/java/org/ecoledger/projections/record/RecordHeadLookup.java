package org.ecoledger.projections.record;

import java.util.Optional;

/**
 * 档案链头 (the head of an official's hash chain): implemented by the application from the store's verifier, since
 * the chain hash is not part of the events the projections see. The views carry {@code headSequence}; the HTTP layer
 * adds the head hash from here.
 */
public interface RecordHeadLookup {

    /** The last sequence of the record and the hash of its entry (hex); empty for an unknown official. */
    Optional<Head> head(String officialId);

    /** 链头 (the last entry of a record's chain). */
    record Head(long sequence, String hash) {
    }
}
