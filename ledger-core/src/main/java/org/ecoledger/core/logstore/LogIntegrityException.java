package org.ecoledger.core.logstore;

/**
 * The stored log disagrees with itself or with the stored events: a stored subtree hash differs from the one
 * recomputed, the stored frontier does not match the stored subtrees, or a new tree head is not consistent with the
 * last signed checkpoint. The writer and the checkpointer stop rather than continue (or sign) over it; only tampering
 * or a bug produces one.
 */
public class LogIntegrityException extends RuntimeException {

    private final String item;
    private final String expected;
    private final String actual;

    public LogIntegrityException(String item, String problem, String expected, String actual) {
        super(item + ": " + problem + (expected == null ? "" : " (expected " + expected + ", actual " + actual + ")"));
        this.item = item;
        this.expected = expected;
        this.actual = actual;
    }

    /** What disagrees, e.g. {@code log leaf 17} or {@code checkpoint at size 40}. */
    public String item() {
        return item;
    }

    /** The value the store should hold, if one applies. */
    public String expected() {
        return expected;
    }

    /** The value it holds. */
    public String actual() {
        return actual;
    }
}
