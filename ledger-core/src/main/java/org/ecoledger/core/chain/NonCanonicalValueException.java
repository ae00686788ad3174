package org.ecoledger.core.chain;

import java.util.Objects;

/**
 * A JSON value lies outside the subset of JSON that {@link CanonicalJson} encodes: a non-integral number, an integer
 * beyond ±(2<sup>53</sup>−1), a string with a lone surrogate, a node type JSON does not have, or nesting deeper than
 * {@link CanonicalJson#MAX_DEPTH}.
 *
 * <p>Carries the RFC 6901 JSON pointer of the offending value, relative to the value that was being encoded (for an
 * entry hashed by {@link EntryHasher}, the hashed object, so a payload value reads {@code /payload/...}).
 */
public class NonCanonicalValueException extends IllegalArgumentException {

    private final String pointer;
    private final String reason;

    public NonCanonicalValueException(String pointer, String reason) {
        super("cannot canonicalize the value at JSON pointer \"" + Objects.requireNonNull(pointer, "pointer") + "\": "
                + Objects.requireNonNull(reason, "reason"));
        this.pointer = pointer;
        this.reason = reason;
    }

    /** RFC 6901 pointer of the offending value; {@code ""} is the root. */
    public String pointer() {
        return pointer;
    }

    /** What is wrong with the value, e.g. {@code "non-integral number 1.5"}. */
    public String reason() {
        return reason;
    }
}
