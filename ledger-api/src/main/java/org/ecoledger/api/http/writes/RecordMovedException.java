package org.ecoledger.api.http.writes;

/**
 * A conditional batch ({@link BatchWriter#writeAfter}) found its record no longer where its writer had read it: an
 * entry was appended since (by another node, or by another writer on this one). Nothing of the batch is stored; the
 * writer reads what was appended and decides again.
 */
public class RecordMovedException extends RuntimeException {

    private final long expectedHead;

    RecordMovedException(String aggregateId, long expectedHead, String found, Throwable cause) {
        super("Record " + aggregateId + " moved past the entry " + expectedHead + " its batch was to follow ("
                      + found + "); nothing of the batch was stored", cause);
        this.expectedHead = expectedHead;
    }

    /** The last entry the writer had read (-1: the record did not exist). */
    public long expectedHead() {
        return expectedHead;
    }
}
