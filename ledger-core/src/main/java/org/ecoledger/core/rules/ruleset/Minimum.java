package org.ecoledger.core.rules.ruleset;

/**
 * 最低要求 (the minimum a duty demands in each period): either a {@code count} of entries ("at least once a quarter"),
 * or a {@code share} of working days (grassroots days, 004: at least 1/3). Exactly one is given.
 *
 * @param count at least this many entries in the period (≥ 1), or {@code null}
 * @param share at least this share of the period's working days, or {@code null}
 */
public record Minimum(Integer count, Share share) {

    public Minimum {
        if ((count == null) == (share == null)) {
            throw new InvalidRuleSetException("", "a minimum is either a count or a share, not both nor neither");
        }
        if (count != null && count < 1) {
            throw new InvalidRuleSetException("count", "a minimum count must be at least 1, was " + count);
        }
    }

    public static Minimum atLeast(int count) {
        return new Minimum(count, null);
    }

    public static Minimum shareOf(int numerator, int denominator) {
        return new Minimum(null, new Share(numerator, denominator));
    }

    @Override
    public String toString() {
        return count != null ? "≥ " + count : "≥ " + share;
    }
}
