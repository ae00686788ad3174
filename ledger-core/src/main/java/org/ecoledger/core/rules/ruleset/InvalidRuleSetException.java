package org.ecoledger.core.rules.ruleset;

import java.util.Objects;

/**
 * 规则集格式错误 (a rule set that cannot be used): a required field missing, a count that is not positive, a meeting
 * duty that names no body, a fractional number… Carries the offending field as a path in the rule set's JSON
 * ({@code duties[3].minimum.count}; {@code id} at the top) and the reason in words an administrator understands, so
 * the HTTP layer answers 400 with {@code errors: [{field, message}]} without parsing a message.
 *
 * <p>The records' constructors name the field relative to themselves ({@code count}); {@link RuleSets#fromTree}
 * prefixes where the record sits in the document ({@link #within(String)}).
 */
public class InvalidRuleSetException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidRuleSetException(String field, String reason) {
        this(field, reason, null);
    }

    public InvalidRuleSetException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The offending field's path in the rule set's JSON, e.g. {@code duties[3].minimum.count}; empty when the problem
     * is the document as a whole.
     */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }

    /** The same problem, with {@code parent} (the path of the object that holds the field) in front of its field. */
    public InvalidRuleSetException within(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        return new InvalidRuleSetException(field.isEmpty() ? parent : parent + "." + field, reason, this);
    }
}
