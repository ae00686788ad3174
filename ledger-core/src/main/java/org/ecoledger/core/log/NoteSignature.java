package org.ecoledger.core.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> <base64(key ID || signature)>}.
 *
 * @param keyName   the key name
 * @param keyId     the 32-bit key ID (big-endian in the line)
 * @param signature the signature bytes after the key ID (copied)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** The em dash (U+2014) and space that open every signature line. */
    public static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        if (!NoteKeys.isValidKeyName(keyName)) {
            throw new IllegalArgumentException("invalid key name '" + keyName + "'");
        }
        signature = Objects.requireNonNull(signature, "signature").clone();
        if (signature.length == 0) {
            throw new IllegalArgumentException("empty signature");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, without its final newline. */
    public String line() {
        byte[] bytes = new byte[4 + signature.length];
        bytes[0] = (byte) (keyId >>> 24);
        bytes[1] = (byte) (keyId >>> 16);
        bytes[2] = (byte) (keyId >>> 8);
        bytes[3] = (byte) keyId;
        System.arraycopy(signature, 0, bytes, 4, signature.length);
        return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Parses one signature line (without its newline).
     *
     * @throws MalformedNoteException naming what is wrong
     */
    public static NoteSignature parse(String line) {
        Objects.requireNonNull(line, "line");
        if (line.length() > SignedNote.MAX_NOTE_BYTES) {
            throw new MalformedNoteException("signature line longer than " + SignedNote.MAX_NOTE_BYTES);
        }
        if (!line.startsWith(LINE_PREFIX)) {
            throw new MalformedNoteException("a signature line must start with an em dash (U+2014) and a space");
        }
        String rest = line.substring(LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new MalformedNoteException("signature line has no space between key name and signature");
        }
        String name = rest.substring(0, space);
        String b64 = rest.substring(space + 1);
        if (!NoteKeys.isValidKeyName(name)) {
            throw new MalformedNoteException("invalid key name '" + name
                    + "' (non-empty, no spaces, no '+')");
        }
        byte[] bytes;
        try {
            bytes = NoteKeys.strictBase64(b64, "the signature of " + name);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(e.getMessage());
        }
        if (bytes.length < 5) {
            throw new MalformedNoteException("the signature of " + name + " has " + bytes.length
                    + " bytes; a key ID and a signature need at least 5");
        }
        if (bytes.length - 4 > SignedNote.MAX_SIGNATURE_BYTES) {
            throw new MalformedNoteException("the signature of " + name + " is longer than "
                    + SignedNote.MAX_SIGNATURE_BYTES + " bytes");
        }
        int keyId = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8)
                | (bytes[3] & 0xFF);
        return new NoteSignature(name, keyId, Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
