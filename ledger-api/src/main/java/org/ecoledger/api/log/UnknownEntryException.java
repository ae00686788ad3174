package org.ecoledger.api.log;

/** No stored entry of that official at that sequence (or no record of that official at all): 404. */
public class UnknownEntryException extends RuntimeException {

    private final String officialId;
    private final Long sequence;

    public UnknownEntryException(String officialId, Long sequence) {
        super(sequence == null ? "No record of official " + officialId
                      : "Official " + officialId + " has no entry at sequence " + sequence);
        this.officialId = officialId;
        this.sequence = sequence;
    }

    public String officialId() {
        return officialId;
    }

    /** The sequence asked for, or {@code null} when the whole record is unknown. */
    public Long sequence() {
        return sequence;
    }
}
