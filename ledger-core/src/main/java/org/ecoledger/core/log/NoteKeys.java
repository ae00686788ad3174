package org.ecoledger.core.log;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Keys of the log and its witnesses: key IDs, PEM (PKCS#8 private keys, SubjectPublicKeyInfo public keys), the
 * signed-note verifier-key text form, and key generation (with a caller's {@link SecureRandom}).
 *
 * <p>A verifier key ("vkey") is {@code <name>+<key ID as 8 lowercase hex digits>+<base64(type byte || public key)>},
 * as golang.org/x/mod/sumdb/note writes them; the key ID is SHA-256(name || 0x0A || type byte || public key)[:4] read
 * big-endian. For SM2 the "public key" is the DER SubjectPublicKeyInfo ({@link #sm2KeyIdentifier}).
 */
public final class NoteKeys {

    /** Longest PEM text accepted. */
    public static final int MAX_PEM_CHARS = 16 * 1024;

    /** Longest verifier key text accepted. */
    public static final int MAX_VERIFIER_KEY_CHARS = 4 * 1024;

    private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);

    /** The SM2 curve, sm2p256v1 (GB/T 32918.5). */
    public static final ECDomainParameters SM2_DOMAIN =
            new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, SM2_CURVE);

    private NoteKeys() {
    }

    /** SHA-256(name || 0x0A || type || key)[:4] as a big-endian int. */
    public static int keyId(String name, SignatureType type, byte[] key) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform but is missing", e);
        }
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update((byte) type.id());
        sha256.update(key);
        byte[] d = sha256.digest();
        return ((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
    }

    /**
     * Whether {@code name} may be a key name: non-empty, valid Unicode, no Unicode space and no {@code +}
     * (C2SP signed-note).
     */
    public static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20 || c == 0x7F) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < name.length()
                        && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- SM2 ----

    /**
     * The SM2 key's identifier for key IDs and verifier keys: the DER of SubjectPublicKeyInfo { algorithm
     * { id-ecPublicKey (1.2.840.10045.2.1), namedCurve sm2p256v1 (1.2.156.10197.1.301) }, subjectPublicKey the
     * uncompressed point 0x04 || X || Y } — 91 bytes, the form OpenSSL writes for an SM2 public key.
     */
    public static byte[] sm2KeyIdentifier(ECPublicKeyParameters key) {
        requireSm2(key);
        try {
            return new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1),
                    key.getQ().getEncoded(false)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an SM2 public key", e);
        }
    }

    /** The public key of an SM2 private key. */
    public static ECPublicKeyParameters sm2PublicKey(ECPrivateKeyParameters key) {
        requireSm2(key);
        return new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(SM2_DOMAIN.getG(), key.getD()).normalize(), SM2_DOMAIN);
    }

    /** A new SM2 private key from {@code random}. */
    public static ECPrivateKeyParameters generateSm2(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(SM2_DOMAIN, Objects.requireNonNull(random, "random")));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return (ECPrivateKeyParameters) pair.getPrivate();
    }

    static void requireSm2(ECKeyParameters key) {
        ECDomainParameters p = key.getParameters();
        if (!p.getCurve().equals(SM2_DOMAIN.getCurve()) || !p.getG().equals(SM2_DOMAIN.getG())
                || !p.getN().equals(SM2_DOMAIN.getN())) {
            throw new IllegalArgumentException("the EC key is not on the SM2 curve sm2p256v1");
        }
    }

    // ---- Ed25519 ----

    /** A new Ed25519 private key from {@code random}. */
    public static Ed25519PrivateKeyParameters generateEd25519(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random"));
    }

    // ---- PEM ----

    /** Reads an Ed25519 private key from PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static Ed25519PrivateKeyParameters readEd25519PrivateKey(String pem) {
        AsymmetricKeyParameter key = readPrivateKey(pem);
        if (key instanceof Ed25519PrivateKeyParameters ed25519) {
            return ed25519;
        }
        throw new IllegalArgumentException("the PEM holds a " + describe(key) + ", not an Ed25519 private key");
    }

    /** Reads an SM2 private key from PKCS#8 PEM (id-ecPublicKey with the curve sm2p256v1, as OpenSSL writes it). */
    public static ECPrivateKeyParameters readSm2PrivateKey(String pem) {
        AsymmetricKeyParameter key = readPrivateKey(pem);
        if (key instanceof ECPrivateKeyParameters ec) {
            requireSm2(ec);
            return ec;
        }
        throw new IllegalArgumentException("the PEM holds a " + describe(key) + ", not an SM2 private key");
    }

    /** Reads an Ed25519 public key from SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static Ed25519PublicKeyParameters readEd25519PublicKey(String pem) {
        AsymmetricKeyParameter key = readPublicKey(pem);
        if (key instanceof Ed25519PublicKeyParameters ed25519) {
            return ed25519;
        }
        throw new IllegalArgumentException("the PEM holds a " + describe(key) + ", not an Ed25519 public key");
    }

    /** Reads an SM2 public key from SubjectPublicKeyInfo PEM. */
    public static ECPublicKeyParameters readSm2PublicKey(String pem) {
        AsymmetricKeyParameter key = readPublicKey(pem);
        if (key instanceof ECPublicKeyParameters ec) {
            requireSm2(ec);
            return ec;
        }
        throw new IllegalArgumentException("the PEM holds a " + describe(key) + ", not an SM2 public key");
    }

    /** Reads an SM2 public key from its DER SubjectPublicKeyInfo. */
    public static ECPublicKeyParameters readSm2PublicKey(byte[] der) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
        if (key instanceof ECPublicKeyParameters ec) {
            requireSm2(ec);
            return ec;
        }
        throw new IllegalArgumentException("the DER holds a " + describe(key) + ", not an SM2 public key");
    }

    /** The PKCS#8 PEM of a private key. */
    public static String privateKeyPem(AsymmetricKeyParameter privateKey) {
        try {
            // Version 1 (RFC 5208) without the optional public key, as OpenSSL writes it: the most widely read form.
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey);
            return pem("PRIVATE KEY", new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey())
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the private key: " + e.getMessage(), e);
        }
    }

    /** The SubjectPublicKeyInfo PEM of a public key (SM2 keys as {@link #sm2KeyIdentifier}). */
    public static String publicKeyPem(AsymmetricKeyParameter publicKey) {
        try {
            byte[] der = publicKey instanceof ECPublicKeyParameters ec ? sm2KeyIdentifier(ec)
                    : SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded(ASN1Encoding.DER);
            return pem("PUBLIC KEY", der);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the public key: " + e.getMessage(), e);
        }
    }

    private static AsymmetricKeyParameter readPrivateKey(String pem) {
        byte[] der = readPem(pem, "PRIVATE KEY");
        try {
            return PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    private static AsymmetricKeyParameter readPublicKey(String pem) {
        byte[] der = readPem(pem, "PUBLIC KEY");
        try {
            return PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo public key: " + e.getMessage(), e);
        }
    }

    private static byte[] readPem(String pem, String label) {
        Objects.requireNonNull(pem, "pem");
        if (pem.length() > MAX_PEM_CHARS) {
            throw new IllegalArgumentException("PEM text longer than " + MAX_PEM_CHARS + " characters");
        }
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
        }
        if (object == null) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN " + label + "-----) found");
        }
        if (!object.getType().equals(label)) {
            throw new IllegalArgumentException("PEM block is " + object.getType() + ", expected " + label
                    + (object.getType().contains("ENCRYPTED") ? " (encrypted keys are not supported)" : ""));
        }
        return object.getContent();
    }

    private static String pem(String label, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(label, der));
        }
        return out.toString().replace("\r\n", "\n");
    }

    private static String describe(AsymmetricKeyParameter key) {
        return key.getClass().getSimpleName().replace("Parameters", "");
    }

    // ---- verifier keys ----

    /** The verifier key text {@code name+keyid+base64(type || key)}. */
    public static String verifierKey(String name, SignatureType type, byte[] key) {
        if (!isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        byte[] typeAndKey = new byte[key.length + 1];
        typeAndKey[0] = (byte) type.id();
        System.arraycopy(key, 0, typeAndKey, 1, key.length);
        return name + "+" + String.format("%08x", keyId(name, type, key)) + "+"
                + Base64.getEncoder().encodeToString(typeAndKey);
    }

    /** The verifier key text of a note verifier. */
    public static String verifierKey(NoteVerifier verifier) {
        return verifierKey(verifier.name(), verifier.type(), publicKeyMaterial(verifier));
    }

    private static byte[] publicKeyMaterial(NoteVerifier verifier) {
        if (verifier instanceof Ed25519NoteVerifier v) {
            return v.publicKey().getEncoded();
        }
        if (verifier instanceof CosignatureVerifier v) {
            return v.publicKey().getEncoded();
        }
        if (verifier instanceof Sm2NoteVerifier v) {
            return sm2KeyIdentifier(v.publicKey());
        }
        throw new IllegalArgumentException("no verifier key form for " + verifier.getClass().getName());
    }

    /**
     * Parses a verifier key of type 0x01 (Ed25519), 0x04 (cosignature/v1) or 0xff (SM2, followed by the DER
     * SubjectPublicKeyInfo) and checks that its key ID is the one its name and key imply.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static NoteVerifier parseVerifierKey(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        if (vkey.length() > MAX_VERIFIER_KEY_CHARS) {
            throw new IllegalArgumentException("verifier key longer than " + MAX_VERIFIER_KEY_CHARS + " characters");
        }
        int plus1 = vkey.indexOf('+');
        int plus2 = plus1 < 0 ? -1 : vkey.indexOf('+', plus1 + 1);
        if (plus1 < 0 || plus2 != plus1 + 9) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        String name = vkey.substring(0, plus1);
        String idHex = vkey.substring(plus1 + 1, plus2);
        if (!isValidKeyName(name)) {
            throw new IllegalArgumentException("invalid key name '" + name + "'");
        }
        if (!idHex.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("key ID '" + idHex + "' is not 8 lowercase hex digits");
        }
        byte[] typeAndKey = strictBase64(vkey.substring(plus2 + 1), "verifier key");
        if (typeAndKey.length < 2) {
            throw new IllegalArgumentException("verifier key has no key material");
        }
        SignatureType type = SignatureType.byId(typeAndKey[0] & 0xFF);
        byte[] key = Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length);
        if (type == null) {
            throw new IllegalArgumentException(String.format("unsupported signature type 0x%02x", typeAndKey[0]));
        }
        int id = (int) Long.parseLong(idHex, 16);
        if (id != keyId(name, type, key)) {
            throw new IllegalArgumentException("key ID " + idHex + " does not match the name and key (expected "
                    + String.format("%08x", keyId(name, type, key)) + ")");
        }
        return switch (type) {
            case ED25519 -> new Ed25519NoteVerifier(name, ed25519PublicKey(key));
            case COSIGNATURE_V1 -> new CosignatureVerifier(name, ed25519PublicKey(key));
            case SM2 -> new Sm2NoteVerifier(name, readSm2PublicKey(key));
        };
    }

    /** An Ed25519 public key from its 32 bytes. */
    public static Ed25519PublicKeyParameters ed25519PublicKey(byte[] key) {
        if (key.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + key.length);
        }
        try {
            return new Ed25519PublicKeyParameters(key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Decodes standard padded base64 and refuses any other spelling of the same bytes. */
    static byte[] strictBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical padded base64");
        }
        return bytes;
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }
}
