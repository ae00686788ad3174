package org.ecoledger.core.rules.ruleset;

import java.util.List;
import org.ecoledger.core.record.AssessmentGrade;

/**
 * 考核与一票否决的后果 (what assessments, one-vetoes and summons weigh at a promotion review), as data.
 *
 * @param awardIneligibleGrades             grades that remove award eligibility for the year (003 Art. 18: UNQUALIFIED)
 * @param conditionsRemoveAwardEligibility  whether any Art. 18 condition does too (003 Art. 18: yes)
 * @param assessmentArticle                 e.g. {@code 003 Art. 18}
 * @param consecutiveUnqualifiedForAdjustment how many consecutive UNQUALIFIED years require the principal's post to be
 *                                          adjusted (000: 2)
 * @param postAdjustmentArticle             e.g. {@code 000}
 * @param assessmentYearsReviewed           how many of the latest assessment years a review looks at (2)
 * @param oneVetoYearsReviewed              a one-veto blocks promotion in its year and this many years in all (2: the
 *                                          review year and the year before)
 * @param oneVetoArticle                    e.g. {@code 001; 002}
 * @param summonsMonthsReviewed             a summons in this many months before the review is an advisory flag (12)
 * @param summonsArticle                    e.g. {@code 003 Art. 14; 000}
 * @param dutyQuartersReviewed              duty minimums missed in this many full quarters before the review are an
 *                                          advisory flag (4)
 * @param accountabilityArticle             e.g. {@code 003 Art. 16, 19, 20}
 * @param lifetimeArticle                   e.g. {@code 002}
 */
public record Consequences(List<AssessmentGrade> awardIneligibleGrades, boolean conditionsRemoveAwardEligibility,
                           String assessmentArticle, int consecutiveUnqualifiedForAdjustment,
                           String postAdjustmentArticle, int assessmentYearsReviewed, int oneVetoYearsReviewed,
                           String oneVetoArticle, int summonsMonthsReviewed, String summonsArticle,
                           int dutyQuartersReviewed, String accountabilityArticle, String lifetimeArticle) {

    public Consequences {
        awardIneligibleGrades = awardIneligibleGrades == null ? List.of()
                : Applicability.noNulls(awardIneligibleGrades, "awardIneligibleGrades", "a grade");
        atLeast(consecutiveUnqualifiedForAdjustment, 1, "consecutiveUnqualifiedForAdjustment");
        atLeast(assessmentYearsReviewed, 1, "assessmentYearsReviewed");
        atLeast(oneVetoYearsReviewed, 1, "oneVetoYearsReviewed");
        atLeast(summonsMonthsReviewed, 0, "summonsMonthsReviewed");
        atLeast(dutyQuartersReviewed, 0, "dutyQuartersReviewed");
        DutyRule.requireText(assessmentArticle, "assessmentArticle");
        DutyRule.requireText(postAdjustmentArticle, "postAdjustmentArticle");
        DutyRule.requireText(oneVetoArticle, "oneVetoArticle");
        DutyRule.requireText(summonsArticle, "summonsArticle");
        DutyRule.requireText(accountabilityArticle, "accountabilityArticle");
        DutyRule.requireText(lifetimeArticle, "lifetimeArticle");
    }

    private static void atLeast(int value, int least, String field) {
        if (value < least) {
            throw new InvalidRuleSetException(field, "must be at least " + least + ", was " + value);
        }
    }
}
