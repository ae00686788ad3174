package org.ecoledger.core.log;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A witness's Ed25519 cosignature, C2SP tlog-cosignature {@code cosignature/v1}: an Ed25519 signature over
 * <pre>
 *   "cosignature/v1\n" "time " &lt;unix seconds, decimal&gt; "\n" &lt;checkpoint note text&gt;
 * </pre>
 * written as the 8-byte big-endian timestamp followed by the 64-byte signature; key ID
 * SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]. The time comes from the {@link Clock} given.
 */
public final class CosignatureSigner implements NoteSigner {

    private final String name;
    private final Ed25519PrivateKeyParameters privateKey;
    private final Clock clock;
    private final CosignatureVerifier verifier;

    public CosignatureSigner(String name, Ed25519PrivateKeyParameters privateKey, Clock clock) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = new CosignatureVerifier(name, privateKey.generatePublicKey());
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
    public CosignatureVerifier verifier() {
        return verifier;
    }

    @Override
    public byte[] sign(byte[] text) {
        long timestamp = clock.instant().getEpochSecond();
        if (timestamp < 0) {
            throw new IllegalStateException("the clock is before 1970");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] message = signedMessage(timestamp, text);
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();
        byte[] out = new byte[8 + signature.length];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(signature, 0, out, 8, signature.length);
        return out;
    }

    /** The bytes a cosignature/v1 signs. */
    static byte[] signedMessage(long timestamp, byte[] text) {
        byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[header.length + text.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(text, 0, message, header.length, text.length);
        return message;
    }
}
