package org.ecoledger.api.http.verification;

import org.ecoledger.core.chain.ChainVerification;

/**
 * The verification of one record's chain (API.md), with where and why when it fails.
 *
 * @param valid                whether every entry verified
 * @param entries              entries that verified
 * @param headHash             stored hash of the last entry that verified
 * @param algorithm            {@code SHA-256} or {@code SM3}
 * @param firstInvalidSequence where verification first failed, or null
 * @param problem              why, or null
 * @param expected             the value verification expected there, or null
 * @param actual               the value found in the store, or null
 */
public record VerificationView(boolean valid, long entries, String headHash, String algorithm,
                               Long firstInvalidSequence, String problem, String expected, String actual) {

    public static VerificationView of(ChainVerification verification) {
        return new VerificationView(verification.valid(), verification.entries(), verification.headHash(),
                                    verification.algorithm().id(), verification.firstInvalidSequence(),
                                    verification.problem(), verification.expected(), verification.actual());
    }
}
