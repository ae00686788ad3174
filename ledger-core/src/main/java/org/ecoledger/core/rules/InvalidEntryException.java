package org.ecoledger.core.rules;

import java.util.Objects;

/**
 * 录入格式错误 (malformed input): a required field is missing or blank, a number is negative, an identifier or a
 * structure is not well-formed, or two fields that exclude each other are both given. This is the entry's shape, not
 * a rule of the record: the HTTP layer answers 400 with {@code errors: [{field, message}]}.
 */
public class InvalidEntryException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidEntryException(String field, String reason) {
        super(field + ": " + reason);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The offending field, in the API's spelling (e.g. {@code replacement.postId}). */
    public String field() {
        return field;
    }

    /** What is wrong with it, in words a caller can show next to the field. */
    public String reason() {
        return reason;
    }
}
