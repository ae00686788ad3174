package org.ecoledger.core.log;

/** Signs a note's text for one key: the key's name, its key ID and the signature bytes of a signature line. */
public interface NoteSigner {

    /** The key name written in the signature line. */
    String name();

    /** The 32-bit key ID written before the signature. */
    int keyId();

    /** The signature bytes (after the key ID) of {@code text}, the note text including its final newline. */
    byte[] sign(byte[] text);
}
