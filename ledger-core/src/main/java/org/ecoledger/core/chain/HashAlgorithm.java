package org.ecoledger.core.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash function of a ledger's chain, chosen once when the ledger is created and recorded in its genesis
 * document ({@code ledger_meta/genesis.hashAlgorithm}). Every record of the ledger is chained with the same function.
 *
 * <p>Both functions yield 32-byte digests, so a hash is always 64 lowercase hex characters. Every method is
 * thread-safe: each call uses its own digest state.
 */
public enum HashAlgorithm {

    /** SHA-256, FIPS 180-4. Provided by every Java platform. */
    SHA_256("SHA-256") {
        @Override
        byte[] compute(byte[] prefix, byte[] data) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform but is missing", e);
            }
            digest.update(prefix);
            digest.update(data);
            return digest.digest();
        }
    },

    /**
     * SM3, GB/T 32905-2016, computed with Bouncy Castle's lightweight API, so no JCA provider needs to be
     * registered.
     */
    SM3("SM3") {
        @Override
        byte[] compute(byte[] prefix, byte[] data) {
            SM3Digest digest = new SM3Digest();
            digest.update(prefix, 0, prefix.length);
            digest.update(data, 0, data.length);
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }
    };

    private static final byte[] EMPTY = new byte[0];
    private static final int DIGEST_LENGTH = 32;

    private final String id;

    HashAlgorithm(String id) {
        this.id = id;
    }

    /** The name written in the genesis document: {@code "SHA-256"} or {@code "SM3"}. */
    public String id() {
        return id;
    }

    /**
     * The algorithm named by {@code id}, ignoring case. Accepts {@code "SHA-256"}, {@code "SHA256"}, {@code "SHA_256"}
     * and {@code "SM3"}.
     *
     * @throws IllegalArgumentException for any other value, including {@code null}; the message names the allowed
     *                                  values
     */
    public static HashAlgorithm fromId(String id) {
        if (id != null) {
            String normalized = id.toUpperCase(Locale.ROOT);
            for (HashAlgorithm algorithm : values()) {
                if (algorithm.id.equals(normalized)
                        || algorithm.name().equals(normalized)
                        || algorithm.id.replace("-", "").equals(normalized)) {
                    return algorithm;
                }
            }
        }
        throw new IllegalArgumentException("unknown hash algorithm " + (id == null ? "null" : "'" + id + "'")
                + "; allowed: " + Arrays.stream(values()).map(HashAlgorithm::id).collect(Collectors.joining(", ")));
    }

    /** Length of a digest in bytes: 32 for both algorithms. */
    public int digestLength() {
        return DIGEST_LENGTH;
    }

    /** The digest of {@code data}. */
    public byte[] digest(byte[] data) {
        return compute(EMPTY, Objects.requireNonNull(data, "data"));
    }

    /** The digest of {@code prefix || data}, without concatenating them first. */
    public byte[] digest(byte[] prefix, byte[] data) {
        return compute(Objects.requireNonNull(prefix, "prefix"), Objects.requireNonNull(data, "data"));
    }

    /** The genesis link of every record: {@code digestLength() * 2} {@code '0'} characters. */
    public String zeroHex() {
        return "0".repeat(DIGEST_LENGTH * 2);
    }

    abstract byte[] compute(byte[] prefix, byte[] data);
}
