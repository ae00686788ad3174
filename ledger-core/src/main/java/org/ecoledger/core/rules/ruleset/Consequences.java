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
        awardIneligibleGrades = awardIneligibleGrades == null ? List.of() : List.copyOf(awardIneligibleGrades);
        if (consecutiveUnqualifiedForAdjustment < 1 || assessmentYearsReviewed < 1 || oneVetoYearsReviewed < 1
                || summonsMonthsReviewed < 0 || dutyQuartersReviewed < 0) {
            throw new IllegalArgumentException("consequences: the counts of years, months and quarters must be positive");
        }
        for (String article : new String[] {assessmentArticle, postAdjustmentArticle, oneVetoArticle, summonsArticle,
                accountabilityArticle, lifetimeArticle}) {
            DutyRule.requireText(article, "consequences: an article");
        }
    }
}
