package org.ecoledger.core.log;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking an evidence bundle: valid, with what was proven, or the first item that failed, named
 * (which entry, which proof, which signature), with what is wrong and, where there is one, the expected and actual
 * value. Never a bare {@code false}.
 *
 * @param valid      whether everything verified
 * @param item       the first failing item, e.g. {@code "entry sequence 3"}, {@code "inclusion proof of sequence 1
 *                   (leaf 18)"}, {@code "checkpoint signatures"}; {@code null} when valid
 * @param sequence   the record sequence the failing item concerns, if any
 * @param problem    what is wrong; {@code null} when valid
 * @param expected   the value expected, if the check compares values
 * @param actual     the value found, if the check compares values
 * @param entries    number of entries proven (when valid)
 * @param headHash   stored hash of the record's last entry (when valid)
 * @param treeSize   the checkpoint's tree size (when valid)
 * @param rootHash   the checkpoint's root hash, base64 (when valid)
 * @param signedBy   names of the trusted log keys whose signature verified (when valid)
 * @param cosignedBy names of the trusted witnesses whose cosignature verified (when valid)
 */
public record EvidenceVerification(boolean valid, String item, Long sequence, String problem, String expected,
                                   String actual, long entries, String headHash, long treeSize, String rootHash,
                                   List<String> signedBy, List<String> cosignedBy) {

    public EvidenceVerification {
        signedBy = List.copyOf(signedBy);
        cosignedBy = List.copyOf(cosignedBy);
        if (valid != (item == null) || valid != (problem == null)) {
            throw new IllegalArgumentException("an invalid outcome names its item and problem; a valid one neither");
        }
    }

    static EvidenceVerification invalid(String item, Long sequence, String problem, String expected, String actual) {
        return new EvidenceVerification(false, Objects.requireNonNull(item), sequence, Objects.requireNonNull(problem),
                expected, actual, 0, null, 0, null, List.of(), List.of());
    }

    static EvidenceVerification invalid(String item, Long sequence, String problem) {
        return invalid(item, sequence, problem, null, null);
    }

    /** One line for people: {@code VALID: …} or {@code INVALID: <item>: <problem> (expected …, actual …)}. */
    public String describe() {
        if (valid) {
            return "VALID: " + entries + " entries, head " + headHash + ", in the log of " + treeSize
                    + " leaves with root " + rootHash + ", signed by " + String.join(", ", signedBy)
                    + (cosignedBy.isEmpty() ? "" : ", cosigned by " + String.join(", ", cosignedBy));
        }
        StringBuilder sb = new StringBuilder("INVALID: ").append(item).append(": ").append(problem);
        if (expected != null || actual != null) {
            sb.append(" (expected ").append(expected).append(", actual ").append(actual).append(')');
        }
        return sb.toString();
    }
}
