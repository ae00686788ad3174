package org.ecoledger.core.record;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 下基层天数 (grassroots days), 004: "下基层天数不得少于1/3，并按季度对完成情况进行考核通报". A report covers a period
 * [periodStart, periodEnd] (both inclusive); its days at the grassroots cannot exceed its working days, nor its
 * working days the days of the period.
 */
final class GrassrootsPolicy {

    private GrassrootsPolicy() {
    }

    /** {@link LedgerRule#PERIOD_END_BEFORE_START}. */
    static void requirePeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new RuleViolationException(LedgerRule.PERIOD_END_BEFORE_START, "periodEnd",
                    end + " is before " + start);
        }
    }

    /**
     * {@link LedgerRule#GRASSROOTS_WORKING_DAYS_EXCEED_PERIOD},
     * {@link LedgerRule#GRASSROOTS_DAYS_EXCEED_WORKING_DAYS}.
     */
    static void requireDays(int days, int workingDays, LocalDate start, LocalDate end) {
        long periodDays = ChronoUnit.DAYS.between(start, end) + 1;
        if (workingDays > periodDays) {
            throw new RuleViolationException(LedgerRule.GRASSROOTS_WORKING_DAYS_EXCEED_PERIOD, "workingDays",
                    workingDays + " working days in a period of " + periodDays + " days");
        }
        if (days > workingDays) {
            throw new RuleViolationException(LedgerRule.GRASSROOTS_DAYS_EXCEED_WORKING_DAYS, "days",
                    days + " days at the grassroots, " + workingDays + " working days");
        }
    }
}
