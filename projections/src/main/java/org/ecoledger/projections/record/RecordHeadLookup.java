package org.ecoledger.projections.record;

import java.util.Optional;

/**
 * 档案链头 (the head of an official's hash chain): implemented by the application from the store's verifier, since
 * the chain hash is not part of the events the projections see. The views carry {@code headSequence}; the HTTP layer
 * adds the head hash from here.
 */
public interface RecordHeadLookup {

    /**
     * The hash (hex) of the official's entry {@code sequence} when that entry is the head of the record now; empty
     * when the record has entries after it (a view as of an earlier date, or one its processor has not brought up to
     * date yet) or has no such entry. Implementations read the record from that entry on, not the whole record.
     */
    Optional<String> headHash(String officialId, long sequence);
}
