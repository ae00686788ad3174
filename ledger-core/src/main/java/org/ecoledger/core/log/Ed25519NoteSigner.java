package org.ecoledger.core.log;

import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs notes with Ed25519 (RFC 8032) as C2SP signed-note specifies: the signature covers the note text, the key ID
 * is SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4]. Deterministic; thread-safe.
 */
public final class Ed25519NoteSigner implements NoteSigner {

    private final String name;
    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519NoteVerifier verifier;

    public Ed25519NoteSigner(String name, Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.verifier = new Ed25519NoteVerifier(name, privateKey.generatePublicKey());
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return verifier.keyId();
    }

    /** The matching verifier. */
    public Ed25519NoteVerifier verifier() {
        return verifier;
    }

    @Override
    public byte[] sign(byte[] text) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(text, 0, text.length);
        return signer.generateSignature();
    }
}
