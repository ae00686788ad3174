package org.ecoledger.core.chain;

import java.util.Objects;

/**
 * The outcome of verifying one record's chain. Never a bare {@code false}: an invalid outcome says at which sequence
 * the first failure occurs, what is wrong in plain language, and the expected and actual values.
 *
 * <p>{@code entries} and {@code headHash} describe the prefix of the record that verified: for a valid record, all of
 * it; for an invalid one, the entries before the first failure (so {@code entries == firstInvalidSequence}) and the
 * stored hash of the last of them, or the genesis value when the failure is at sequence 0. A chain on its own cannot
 * show that entries were cut off its end: compare {@code entries} and {@code headHash} with a checkpoint for that.
 *
 * @param valid                whether every entry verified
 * @param entries              number of entries that verified
 * @param headHash             stored hash of the last entry that verified, or the genesis value
 * @param algorithm            the hash algorithm used
 * @param firstInvalidSequence sequence at which the first failure occurs, i.e. the position of the failing entry in
 *                             the record as read; {@code null} when valid
 * @param problem              what is wrong, in plain language; {@code null} when valid
 * @param expected             the value verification expected at that point; {@code null} when valid
 * @param actual               the value found in the store; {@code null} when valid
 */
public record ChainVerification(boolean valid, long entries, String headHash, HashAlgorithm algorithm,
                                Long firstInvalidSequence, String problem, String expected, String actual) {

    public ChainVerification {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(algorithm, "algorithm");
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0, was " + entries);
        }
        if (valid && (firstInvalidSequence != null || problem != null || expected != null || actual != null)) {
            throw new IllegalArgumentException("a valid outcome has no failure, sequence, expected or actual value");
        }
        if (!valid && (firstInvalidSequence == null || problem == null)) {
            throw new IllegalArgumentException(
                    "an invalid outcome must say where (firstInvalidSequence) and why (problem)");
        }
    }

    /** All {@code entries} entries verified; {@code headHash} is the stored hash of the last (genesis if none). */
    public static ChainVerification valid(long entries, String headHash, HashAlgorithm algorithm) {
        return new ChainVerification(true, entries, headHash, algorithm, null, null, null, null);
    }

    /**
     * Verification failed at {@code firstInvalidSequence}; the {@code firstInvalidSequence} entries before it verified
     * and the last of them has the stored hash {@code headHash} (genesis if none).
     */
    public static ChainVerification invalid(long firstInvalidSequence, String headHash, HashAlgorithm algorithm,
                                            String problem, String expected, String actual) {
        return new ChainVerification(false, firstInvalidSequence, headHash, algorithm, firstInvalidSequence,
                Objects.requireNonNull(problem, "problem"), expected, actual);
    }

    /** One line for logs and command-line output. */
    public String summary() {
        if (valid) {
            return "valid: " + entries + " entries, head " + headHash + " (" + algorithm.id() + ")";
        }
        return "invalid at sequence " + firstInvalidSequence + ": " + problem
                + " (expected " + expected + ", actual " + actual + ")";
    }
}
