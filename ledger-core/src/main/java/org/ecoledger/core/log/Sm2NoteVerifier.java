package org.ecoledger.core.log;

import java.util.Objects;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;

/** Verifies the ledger's SM2 note signatures (type 0xff, see {@link Sm2NoteSigner}) of one key. Thread-safe. */
public final class Sm2NoteVerifier implements NoteVerifier {

    /** Longest DER SM2 signature: SEQUENCE of two INTEGERs of up to 33 bytes. */
    private static final int MAX_SIGNATURE_BYTES = 72;

    private final String name;
    private final ECPublicKeyParameters publicKey;
    private final int keyId;

    public Sm2NoteVerifier(String name, ECPublicKeyParameters publicKey) {
        if (!NoteKeys.isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        this.name = name;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = NoteKeys.keyId(name, SignatureType.SM2, NoteKeys.sm2KeyIdentifier(publicKey));
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
        return SignatureType.SM2;
    }

    public ECPublicKeyParameters publicKey() {
        return publicKey;
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        if (signature.length > MAX_SIGNATURE_BYTES) {
            return false;
        }
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(publicKey, Sm2NoteSigner.USER_ID_BYTES));
        verifier.update(text, 0, text.length);
        try {
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
