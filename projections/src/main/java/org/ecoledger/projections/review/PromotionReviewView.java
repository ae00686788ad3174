package org.ecoledger.projections.review;

import java.time.LocalDate;
import java.util.List;

/**
 * 提拔任用审查 (may the official be promoted on {@code on}?): {@code eligible} when no flag blocks. Judged on the record
 * as recorded by the end of {@code on} (what the organization department could know that day), under the rule set in
 * force that day ({@code ruleSet}).
 */
public record PromotionReviewView(String officialId, String name, LocalDate on, boolean eligible, String ruleSet,
                                  long headSequence, List<ReviewFlag> flags) {

    public PromotionReviewView {
        flags = List.copyOf(flags);
    }
}
