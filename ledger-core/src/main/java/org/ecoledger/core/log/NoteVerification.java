package org.ecoledger.core.log;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a signed note's signatures against known keys (C2SP signed-note): the signatures of known
 * keys that verified, how many lines came from unknown keys (ignored), and, when the note must be rejected, why.
 *
 * @param valid             at least one known key's signature verified and none failed
 * @param verified          the known keys whose signature verified, in the note's order, each once
 * @param unknownSignatures distinct signature lines whose key name and ID match no known key
 * @param failedKey         the name of the known key whose signature did not verify, if that is why the note is
 *                          rejected; otherwise {@code null}
 * @param problem           why the note is rejected; {@code null} when valid
 */
public record NoteVerification(boolean valid, List<Signer> verified, int unknownSignatures, String failedKey,
                               String problem) {

    /**
     * A known key whose signature verified.
     *
     * @param name      key name
     * @param keyId     key ID
     * @param type      signature type
     * @param timestamp for a cosignature, its Unix time; otherwise {@code null}
     */
    public record Signer(String name, int keyId, SignatureType type, Long timestamp) {
    }

    public NoteVerification {
        verified = List.copyOf(verified);
        if (valid != (problem == null)) {
            throw new IllegalArgumentException("a valid outcome has no problem, an invalid one must have one");
        }
    }

    /** Whether a key of {@code type} is among the verified. */
    public boolean verifiedBy(SignatureType type) {
        return verified.stream().anyMatch(s -> s.type() == type);
    }

    static NoteVerification failed(List<Signer> verified, int unknown, String failedKey, String problem) {
        return new NoteVerification(false, verified, unknown, failedKey, Objects.requireNonNull(problem));
    }
}
