package org.ecoledger.core.log;

import java.util.List;
import java.util.Objects;

/**
 * What an auditor trusts and requires when checking evidence: the log's keys (never taken from the bundle), whether
 * an SM2 signature is required as well as an Ed25519 one, the witnesses and how many of them must have cosigned, and
 * optionally a checkpoint the auditor saved earlier, to which the new one must be consistent.
 *
 * @param logKeys         the log's trusted keys: at least one Ed25519 key, and an SM2 key if {@code requireSm2}
 * @param requireSm2      whether the checkpoint must also carry a valid SM2 signature by a trusted key
 * @param witnesses       trusted witness keys (cosignature/v1)
 * @param witnessQuorum   how many distinct witnesses must have cosigned (0 to {@code witnesses.size()})
 * @param savedCheckpoint a signed checkpoint note the auditor saved earlier, or {@code null}
 */
public record TrustPolicy(List<NoteVerifier> logKeys, boolean requireSm2, List<CosignatureVerifier> witnesses,
                          int witnessQuorum, String savedCheckpoint) {

    public TrustPolicy {
        logKeys = List.copyOf(logKeys);
        witnesses = List.copyOf(witnesses);
        if (logKeys.stream().noneMatch(k -> k.type() == SignatureType.ED25519)) {
            throw new IllegalArgumentException("trust at least one Ed25519 key of the log");
        }
        if (logKeys.stream().anyMatch(k -> k.type() == SignatureType.COSIGNATURE_V1)) {
            throw new IllegalArgumentException("a witness key is not a log key");
        }
        if (requireSm2 && logKeys.stream().noneMatch(k -> k.type() == SignatureType.SM2)) {
            throw new IllegalArgumentException("an SM2 signature is required but no SM2 key of the log is trusted");
        }
        if (witnessQuorum < 0 || witnessQuorum > witnesses.size()) {
            throw new IllegalArgumentException("the witness quorum must be between 0 and the " + witnesses.size()
                    + " witnesses given, was " + witnessQuorum);
        }
    }

    /** Trust these log keys; no SM2 requirement, no witnesses, no saved checkpoint. */
    public static TrustPolicy of(List<NoteVerifier> logKeys) {
        return new TrustPolicy(logKeys, false, List.of(), 0, null);
    }

    public TrustPolicy requiringSm2() {
        return new TrustPolicy(logKeys, true, witnesses, witnessQuorum, savedCheckpoint);
    }

    public TrustPolicy withWitnesses(List<CosignatureVerifier> trusted, int quorum) {
        return new TrustPolicy(logKeys, requireSm2, trusted, quorum, savedCheckpoint);
    }

    public TrustPolicy withSavedCheckpoint(String signedNote) {
        return new TrustPolicy(logKeys, requireSm2, witnesses, witnessQuorum,
                Objects.requireNonNull(signedNote, "signedNote"));
    }
}
