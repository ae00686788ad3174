package org.ecoledger.core.record;

import java.time.LocalDate;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 年度 (the year an entry concerns). An assessment or a one-veto concerns a year that has begun by the entry's
 * date; a responsibility letter is signed for the current or the next year (000: the 2016 letters were signed in May
 * 2016). No year is before the ledger's epoch year, 1949.
 */
final class YearPolicy {

    private YearPolicy() {
    }

    /** {@link LedgerRule#YEAR_OUT_OF_RANGE}: the year has begun by {@code occurredOn}. */
    static void requireBegun(int year, LocalDate occurredOn) {
        requireFrom1949(year);
        if (year > occurredOn.getYear()) {
            throw new RuleViolationException(LedgerRule.YEAR_OUT_OF_RANGE, "year",
                    year + " has not begun on " + occurredOn);
        }
    }

    /** {@link LedgerRule#YEAR_OUT_OF_RANGE}: the current or the next year of {@code occurredOn}. */
    static void requireLetterYear(int year, LocalDate occurredOn) {
        requireFrom1949(year);
        if (year < occurredOn.getYear() || year > occurredOn.getYear() + 1) {
            throw new RuleViolationException(LedgerRule.YEAR_OUT_OF_RANGE, "year",
                    "a letter signed on " + occurredOn + " is for " + occurredOn.getYear() + " or "
                            + (occurredOn.getYear() + 1) + ", not " + year);
        }
    }

    private static void requireFrom1949(int year) {
        if (year < DatePolicy.LEDGER_EPOCH.getYear()) {
            throw new RuleViolationException(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "year", String.valueOf(year));
        }
    }
}
