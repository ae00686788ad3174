package org.ecoledger.projections.compliance;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoledger.core.rules.ruleset.DutyPeriod;

/**
 * 核查期间 (the period a compliance query asks about): {@code 2018-Q2}, {@code 2018-05}, {@code 2018-H1} or
 * {@code 2018}, from its first to its last day.
 */
public record CompliancePeriod(String label, DutyPeriod kind, LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** @throws IllegalArgumentException for any other text (the HTTP layer answers 400) */
    public static CompliancePeriod parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period is required: 2018-Q2, 2018-05, 2018-H1 or 2018");
        }
        Matcher m;
        if ((m = QUARTER.matcher(text)).matches()) {
            return of(DutyPeriod.QUARTER, LocalDate.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
        }
        if ((m = MONTH.matcher(text)).matches()) {
            return of(DutyPeriod.MONTH, LocalDate.of(year(m), Integer.parseInt(m.group(2)), 1));
        }
        if ((m = HALF.matcher(text)).matches()) {
            return of(DutyPeriod.HALF_YEAR, LocalDate.of(year(m), m.group(2).equals("1") ? 1 : 7, 1));
        }
        if ((m = YEAR.matcher(text)).matches()) {
            return of(DutyPeriod.YEAR, LocalDate.of(year(m), 1, 1));
        }
        throw new IllegalArgumentException("period must be like 2018-Q2, 2018-05, 2018-H1 or 2018, was " + text);
    }

    private static int year(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < 1949) {
            throw new IllegalArgumentException("period before the ledger's epoch: " + year);
        }
        return year;
    }

    private static CompliancePeriod of(DutyPeriod kind, LocalDate start) {
        return new CompliancePeriod(kind.label(start), kind, start, kind.endOf(start));
    }
}
