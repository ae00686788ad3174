package org.ecoledger.core.log;

/** Verifies the signature lines of one known key: those whose key name and key ID both match. */
public interface NoteVerifier {

    /** The key name. */
    String name();

    /** The 32-bit key ID. */
    int keyId();

    /** The signature type. */
    SignatureType type();

    /**
     * Whether {@code signature} (the bytes after the key ID) is this key's valid signature of {@code text}, the note
     * text including its final newline. Never throws for malformed signatures: they are invalid.
     */
    boolean verify(byte[] text, byte[] signature);
}
