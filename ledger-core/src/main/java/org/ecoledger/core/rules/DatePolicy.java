package org.ecoledger.core.rules;

import java.time.LocalDate;

/**
 * 日期规则 (dates of facts): the ledger records what has happened, in the People's Republic. Every date of an entry
 * (occurredOn, a period, a damage date, a validFrom…) is refused when it lies after today in the ledger's zone
 * ({@link LedgerRule#DATE_IN_FUTURE}) or before 1 October 1949 ({@link LedgerRule#DATE_BEFORE_LEDGER_EPOCH}).
 * Deadlines (a summons' rectification deadline) are the one kind of date that may lie ahead; they are not checked
 * here.
 */
public final class DatePolicy {

    /** The earliest date the ledger accepts, and the default {@code validFrom} of reference data. */
    public static final LocalDate LEDGER_EPOCH = LocalDate.of(1949, 10, 1);

    private DatePolicy() {
    }

    /** Refuses a date of a fact that lies in the future or before {@link #LEDGER_EPOCH}. */
    public static void requireFactDate(LedgerCalendar calendar, LocalDate date, String field) {
        if (date.isBefore(LEDGER_EPOCH)) {
            throw new RuleViolationException(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, field, field + " " + date);
        }
        LocalDate today = calendar.today();
        if (date.isAfter(today)) {
            throw new RuleViolationException(LedgerRule.DATE_IN_FUTURE, field,
                    field + " " + date + " is after today " + today + " (" + calendar.zone() + ")");
        }
    }

    /** Refuses a date that lies before {@link #LEDGER_EPOCH} (for deadlines, which may lie ahead). */
    public static void requireNotBeforeEpoch(LocalDate date, String field) {
        if (date.isBefore(LEDGER_EPOCH)) {
            throw new RuleViolationException(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, field, field + " " + date);
        }
    }
}
