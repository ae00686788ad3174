package org.ecoledger.core.log;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Signs notes with SM2 (GB/T 32918.2, "SM3withSM2"), the ledger's signature type 0xff: the signature covers the note
 * text; Z<sub>A</sub> is computed with the user ID {@link #USER_ID}; the signature is the DER SEQUENCE { r, s }
 * (GB/T 35276 / GM/T 0009). The key ID is SHA-256(name || 0x0A || 0xff || {@link NoteKeys#sm2KeyIdentifier})[:4].
 * SM2 signatures are randomized: each takes a fresh k from the {@link SecureRandom} given. Thread-safe if the
 * random is.
 */
public final class Sm2NoteSigner implements NoteSigner {

    /**
     * The SM2 signer's distinguishing identifier (user ID): the default of GB/T 35276-2017 and GM/T 0009-2012, the
     * 16 ASCII bytes {@code 1234567812345678}, which OpenSSL, GmSSL and Bouncy Castle also use by default.
     */
    public static final String USER_ID = "1234567812345678";

    static final byte[] USER_ID_BYTES = USER_ID.getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final ECPrivateKeyParameters privateKey;
    private final SecureRandom random;
    private final Sm2NoteVerifier verifier;

    public Sm2NoteSigner(String name, ECPrivateKeyParameters privateKey, SecureRandom random) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.random = Objects.requireNonNull(random, "random");
        this.verifier = new Sm2NoteVerifier(name, NoteKeys.sm2PublicKey(privateKey));
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
    public Sm2NoteVerifier verifier() {
        return verifier;
    }

    @Override
    public byte[] sign(byte[] text) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(privateKey, random), USER_ID_BYTES));
        signer.update(text, 0, text.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }
}
