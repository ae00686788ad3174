package org.ecoledger.core.rules.ruleset;

/**
 * 比例 (a share as a fraction of two integers, e.g. 1/3 of working days, 004). The ledger's JSON holds no fractional
 * numbers, so a share is never a floating-point value: {@link #isMetBy(long, long)} compares by cross-multiplying.
 */
public record Share(int numerator, int denominator) {

    public Share {
        if (denominator <= 0) {
            throw new InvalidRuleSetException("denominator", "a share's denominator must be positive, was "
                    + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new InvalidRuleSetException("numerator", "a share must lie between 0 and 1, was " + numerator + "/"
                    + denominator);
        }
    }

    /** Whether {@code part} of {@code whole} reaches the share: part / whole ≥ numerator / denominator. */
    public boolean isMetBy(long part, long whole) {
        if (whole <= 0) {
            return false;
        }
        return part * denominator >= whole * numerator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
