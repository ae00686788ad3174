package org.ecoledger.core.rules.ruleset;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * 考核周期 (the period over which a duty's minimum is counted): calendar months, quarters, half-years and years in the
 * ledger's zone, each from its first to its last day inclusive.
 */
public enum DutyPeriod {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR;

    /** The first day of the period that contains {@code date}. */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case HALF_YEAR -> LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /** The first day of the period after the one that starts on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case HALF_YEAR -> start.plusMonths(6);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    public LocalDate endOf(LocalDate start) {
        return next(start).minusDays(1);
    }

    /** A label for the period starting on {@code start}: {@code 2018-05}, {@code 2018-Q2}, {@code 2018-H1}, {@code 2018}. */
    public String label(LocalDate start) {
        return switch (this) {
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case HALF_YEAR -> start.getYear() + (start.getMonthValue() <= 6 ? "-H1" : "-H2");
            case YEAR -> Integer.toString(start.getYear());
        };
    }
}
