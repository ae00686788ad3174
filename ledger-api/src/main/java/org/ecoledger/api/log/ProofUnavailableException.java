package org.ecoledger.api.log;

/**
 * A proof, checkpoint or evidence cannot be given for the sizes asked: the tree is not that large (yet), the leaf is
 * not inside it, or the log has not yet caught up with the record's newest entry. When {@link #retryAfterSeconds()}
 * is set, asking again later will succeed (503 with Retry-After); otherwise the request cannot be met (409).
 */
public class ProofUnavailableException extends RuntimeException {

    private final long requestedTreeSize;
    private final long availableTreeSize;
    private final Integer retryAfterSeconds;

    public ProofUnavailableException(String detail, long requestedTreeSize, long availableTreeSize,
                                     Integer retryAfterSeconds) {
        super(detail);
        this.requestedTreeSize = requestedTreeSize;
        this.availableTreeSize = availableTreeSize;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The tree size the request needs. */
    public long requestedTreeSize() {
        return requestedTreeSize;
    }

    /** The size the log (or its latest checkpoint) has. */
    public long availableTreeSize() {
        return availableTreeSize;
    }

    /** When to ask again, or {@code null} if asking again will not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
