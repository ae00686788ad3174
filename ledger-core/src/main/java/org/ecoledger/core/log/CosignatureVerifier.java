package org.ecoledger.core.log;

import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Verifies one witness's cosignature/v1 signatures (type 0x04, see {@link CosignatureSigner}). Thread-safe. */
public final class CosignatureVerifier implements NoteVerifier {

    /** Timestamp (8 bytes) and Ed25519 signature (64 bytes). */
    public static final int SIGNATURE_BYTES = 72;

    private final String name;
    private final Ed25519PublicKeyParameters publicKey;
    private final int keyId;

    public CosignatureVerifier(String name, Ed25519PublicKeyParameters publicKey) {
        if (!NoteKeys.isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        this.name = name;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = NoteKeys.keyId(name, SignatureType.COSIGNATURE_V1, publicKey.getEncoded());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public SignatureType type() {
        return SignatureType.COSIGNATURE_V1;
    }

    public Ed25519PublicKeyParameters publicKey() {
        return publicKey;
    }

    /** The cosignature's timestamp in Unix seconds, or -1 if it is not 72 bytes or exceeds 2<sup>63</sup>−1. */
    public static long timestamp(byte[] signature) {
        if (signature.length != SIGNATURE_BYTES || signature[0] < 0) {
            return -1;
        }
        long timestamp = 0;
        for (int i = 0; i < 8; i++) {
            timestamp = (timestamp << 8) | (signature[i] & 0xFF);
        }
        return timestamp;
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        long timestamp = timestamp(signature);
        if (timestamp < 0) {
            return false;
        }
        byte[] message = CosignatureSigner.signedMessage(timestamp, text);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        byte[] ed25519 = new byte[64];
        System.arraycopy(signature, 8, ed25519, 0, 64);
        return verifier.verifySignature(ed25519);
    }
}
