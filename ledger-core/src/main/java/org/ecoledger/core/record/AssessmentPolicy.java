package org.ecoledger.core.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 年度考核规则 (rules of the yearly assessment), 003 Art. 18, 001, 002.
 *
 * <p>One assessment per year: a change is a CORRECTION. The conditions are the twelve items of Art. 18, each at
 * most once. Art. 18 says a result of "不合格", "及有下列情形之一的", removes award eligibility — any one condition is
 * as grave as an unqualified result, so a year with a condition cannot be EXCELLENT (QUALIFIED with conditions is
 * possible: the grade and the conditions are recorded as the organization department gives them). A one-veto
 * removes "excellent" eligibility for its year (001: "取消当年年度考核评选各类先进资格"; 002: "不得评为优秀等次").
 */
final class AssessmentPolicy {

    /** The number of conditions listed in 003 Art. 18. */
    static final int CONDITIONS = 12;

    private AssessmentPolicy() {
    }

    /** {@link LedgerRule#ASSESSMENT_YEAR_ALREADY_RECORDED}. */
    static void requireYearNotAssessed(Set<Integer> assessedYears, int year) {
        if (assessedYears.contains(year)) {
            throw new RuleViolationException(LedgerRule.ASSESSMENT_YEAR_ALREADY_RECORDED, "year",
                    String.valueOf(year));
        }
    }

    /** {@link LedgerRule#ASSESSMENT_CONDITION_UNKNOWN}, {@link LedgerRule#ASSESSMENT_CONDITION_DUPLICATED}. */
    static void requireConditions(List<Integer> conditions) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            int condition = conditions.get(i);
            if (condition < 1 || condition > CONDITIONS) {
                throw new RuleViolationException(LedgerRule.ASSESSMENT_CONDITION_UNKNOWN, "conditions[" + i + "]",
                        String.valueOf(condition));
            }
            if (!seen.add(condition)) {
                throw new RuleViolationException(LedgerRule.ASSESSMENT_CONDITION_DUPLICATED,
                        "conditions[" + i + "]", String.valueOf(condition));
            }
        }
    }

    /**
     * {@link LedgerRule#ASSESSMENT_EXCELLENT_WITH_CONDITIONS},
     * {@link LedgerRule#ASSESSMENT_EXCELLENT_AFTER_ONE_VETO}.
     */
    static void requireExcellentAllowed(AssessmentGrade grade, List<Integer> conditions, boolean vetoedThatYear) {
        if (grade != AssessmentGrade.EXCELLENT) {
            return;
        }
        if (!conditions.isEmpty()) {
            throw new RuleViolationException(LedgerRule.ASSESSMENT_EXCELLENT_WITH_CONDITIONS, "grade",
                    "conditions " + conditions);
        }
        if (vetoedThatYear) {
            throw new RuleViolationException(LedgerRule.ASSESSMENT_EXCELLENT_AFTER_ONE_VETO, "grade");
        }
    }
}
