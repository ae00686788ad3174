package org.ecoledger.core.store;

/**
 * A stored event lacks a field the transparency log needs (its chain hash, record or position), so its leaf cannot be
 * computed. Only tampering or a foreign writer produces one; the log writer stops rather than skip it.
 */
public class MalformedStoredEventException extends RuntimeException {

    private final long globalIndex;

    public MalformedStoredEventException(long globalIndex, String problem) {
        super("The stored event at global index " + globalIndex + " is malformed: " + problem);
        this.globalIndex = globalIndex;
    }

    /** The global index of the event (or of its commit's first event). */
    public long globalIndex() {
        return globalIndex;
    }
}
