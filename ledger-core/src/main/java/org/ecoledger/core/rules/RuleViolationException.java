package org.ecoledger.core.rules;

import java.util.Objects;

/**
 * 违反记录规则 (a rule of the record is broken): the entry is well-formed, but accepting it would make the record
 * contradict itself, the reference data or the calendar. Nothing is recorded. The HTTP layer answers 409 with
 * {@link #rule()}'s code; it never parses {@link #getMessage()}.
 */
public class RuleViolationException extends RuntimeException {

    private final LedgerRule rule;
    private final String field;
    private final String detail;

    /**
     * @param rule   the broken rule
     * @param field  the entry's field the refusal is about, or {@code null} when it concerns the entry as a whole
     * @param detail the specifics a recorder needs (the post, the date, the sequence…), or {@code null}
     */
    public RuleViolationException(LedgerRule rule, String field, String detail) {
        super(compose(rule, detail));
        this.rule = Objects.requireNonNull(rule, "rule");
        this.field = field;
        this.detail = detail;
    }

    public RuleViolationException(LedgerRule rule, String field) {
        this(rule, field, null);
    }

    private static String compose(LedgerRule rule, String detail) {
        String base = rule.code() + ": " + rule.messageZh() + " / " + rule.messageEn();
        return detail == null ? base : base + " (" + detail + ")";
    }

    public LedgerRule rule() {
        return rule;
    }

    /** The field the refusal is about, or {@code null}. */
    public String field() {
        return field;
    }

    /** Specifics beyond the rule's message, or {@code null}. */
    public String detail() {
        return detail;
    }
}
