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
    private final String reasonZh;

    /**
     * @param field    the offending field, in the API's spelling
     * @param reason   what is wrong with it, in English
     * @param reasonZh the same in Chinese, for recorders (import reports); {@code null} when there is none
     */
    public InvalidEntryException(String field, String reason, String reasonZh) {
        super(field + ": " + reason);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.reasonZh = reasonZh;
    }

    public InvalidEntryException(String field, String reason) {
        this(field, reason, null);
    }

    /** The offending field, in the API's spelling (e.g. {@code replacement.postId}). */
    public String field() {
        return field;
    }

    /** What is wrong with it, in words a caller can show next to the field. */
    public String reason() {
        return reason;
    }

    /** The same in Chinese, or {@code null} when the check that failed gives none. */
    public String reasonZh() {
        return reasonZh;
    }
}
