package org.ecoledger.core.log;

import java.util.Objects;

/**
 * The outcome of checking a Merkle proof: valid, or why not, in plain language. Never a bare {@code false}.
 *
 * @param valid   whether the proof verified
 * @param problem what is wrong; {@code null} when valid
 */
public record ProofVerification(boolean valid, String problem) {

    private static final ProofVerification OK = new ProofVerification(true, null);

    public ProofVerification {
        if (valid != (problem == null)) {
            throw new IllegalArgumentException("a valid outcome has no problem, an invalid one must have one");
        }
    }

    public static ProofVerification ok() {
        return OK;
    }

    public static ProofVerification failed(String problem) {
        return new ProofVerification(false, Objects.requireNonNull(problem, "problem"));
    }
}
