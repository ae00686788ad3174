package org.ecoledger.projections.review;

import java.util.List;

/**
 * 审查提示 (one flag of a promotion review): what it is, in Chinese and English, whether it blocks promotion, the
 * sequences of the entries that prove it, and the rule set and article that make it a flag.
 */
public record ReviewFlag(ReviewFlagCode code, String message, boolean blocking, List<Long> sequences, String ruleSet,
                         String article) {

    public ReviewFlag {
        sequences = List.copyOf(sequences);
    }
}
