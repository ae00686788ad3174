package org.ecoledger.core.log;

import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Verifies C2SP signed-note Ed25519 signatures (type 0x01) of one key. Immutable and thread-safe. */
public final class Ed25519NoteVerifier implements NoteVerifier {

    private final String name;
    private final Ed25519PublicKeyParameters publicKey;
    private final int keyId;

    public Ed25519NoteVerifier(String name, Ed25519PublicKeyParameters publicKey) {
        if (!NoteKeys.isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        this.name = name;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = NoteKeys.keyId(name, SignatureType.ED25519, publicKey.getEncoded());
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
        return SignatureType.ED25519;
    }

    public Ed25519PublicKeyParameters publicKey() {
        return publicKey;
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(text, 0, text.length);
        return verifier.verifySignature(signature);
    }
}
