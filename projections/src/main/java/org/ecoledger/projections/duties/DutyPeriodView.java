package org.ecoledger.projections.duties;

import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.rules.ruleset.Duty;
import org.ecoledger.core.rules.ruleset.DutyPeriod;
import org.ecoledger.core.rules.ruleset.Share;

/**
 * 周期履职情况 (one duty of one post in one period): what the rule set in force on the period's first day required,
 * what was done (the entries that count, by sequence) and the judgement.
 *
 * @param ruleSet       {@code id@version} of the rule set that judges this period
 * @param label         {@code 2018-05}, {@code 2018-Q2}, {@code 2018-H1} or {@code 2018}
 * @param required      in words, e.g. {@code ≥ 1} or {@code ≥ 1/3}
 * @param requiredCount entries required (after proration, if the rule set prorates); {@code null} for a share
 * @param requiredShare share of working days required; {@code null} for a count
 * @param done          entries that count
 * @param days          for grassroots days: days reported in the period; {@code null} otherwise
 * @param workingDays   for grassroots days: working days reported; {@code null} otherwise
 * @param sequences     the sequences of the entries that count
 */
public record DutyPeriodView(String postId, String ruleSet, String ruleCode, Duty duty, String article,
                             String description, DutyPeriod period, String label, LocalDate start, LocalDate end,
                             String required, Integer requiredCount, Share requiredShare, int done, Integer days,
                             Integer workingDays, List<Long> sequences, DutyStatus status) {

    public DutyPeriodView {
        sequences = List.copyOf(sequences);
    }
}
