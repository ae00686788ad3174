package org.ecoledger.core.logstore;

import java.time.Instant;
import java.util.Objects;

import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerifier;

/**
 * A public key the log has signed checkpoints with, kept in {@code log_keys} for as long as the log exists, so that
 * every checkpoint ever signed can be checked after a key rotation. Identified by key name and key ID.
 *
 * @param name        the key name (the log's origin)
 * @param keyId       the key ID, 8 lowercase hex digits
 * @param type        {@code ed25519} or {@code sm2}
 * @param verifierKey the signed-note verifier key {@code name+keyid+base64}
 * @param firstUsed   when this ledger first used it
 */
public record PublishedKey(String name, String keyId, String type, String verifierKey, Instant firstUsed) {

    public PublishedKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(verifierKey, "verifierKey");
        Objects.requireNonNull(firstUsed, "firstUsed");
    }

    /** The published form of a signer's verifier. */
    public static PublishedKey of(NoteVerifier verifier, Instant firstUsed) {
        String type = switch (verifier.type()) {
            case ED25519 -> "ed25519";
            case SM2 -> "sm2";
            case COSIGNATURE_V1 -> throw new IllegalArgumentException("a witness key is not a log key");
        };
        return new PublishedKey(verifier.name(), String.format("%08x", verifier.keyId()), type,
                                NoteKeys.verifierKey(verifier), firstUsed);
    }

    /** Its verifier. */
    public NoteVerifier verifier() {
        return NoteKeys.parseVerifierKey(verifierKey);
    }

    /** The identity of the key: {@code name+keyid}. */
    public String id() {
        return name + "+" + keyId;
    }
}
