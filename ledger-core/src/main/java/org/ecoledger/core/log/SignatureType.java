package org.ecoledger.core.log;

/**
 * The signed-note signature types the ledger uses, with their identifier bytes (C2SP signed-note, "Signature
 * types"). The byte enters each key's key ID: SHA-256(key name || 0x0A || type || public key)[:4].
 */
public enum SignatureType {

    /** 0x01: Ed25519 (RFC 8032) over the note text; the public key is the 32-byte RFC 8032 encoding. */
    ED25519(0x01),

    /**
     * 0x04: a timestamped Ed25519 witness cosignature, C2SP tlog-cosignature {@code cosignature/v1}; the public key is
     * the 32-byte Ed25519 key.
     */
    COSIGNATURE_V1(0x04),

    /**
     * 0xff ("without an identifier byte assigned"), followed by the DER SubjectPublicKeyInfo of an SM2 key: SM2
     * signatures (GB/T 32918.2, SM3 digest, user ID {@link Sm2NoteSigner#USER_ID}) over the note text, DER-encoded.
     * The SubjectPublicKeyInfo names the curve sm2p256v1 (OID 1.2.156.10197.1.301), which is the longer identifier
     * the 0xff byte asks for.
     */
    SM2(0xff);

    private final int id;

    SignatureType(int id) {
        this.id = id;
    }

    /** The identifier byte, 0 to 255. */
    public int id() {
        return id;
    }

    /** The type whose identifier byte is {@code id}, or {@code null}. */
    public static SignatureType byId(int id) {
        for (SignatureType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }
}
