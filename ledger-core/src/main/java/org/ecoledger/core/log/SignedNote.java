package org.ecoledger.core.log;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines
 * <pre>
 *   &lt;text, ending in 0x0A&gt;
 *   0x0A
 *   — &lt;key name&gt; &lt;base64(4-byte key ID || signature)&gt; 0x0A      (one or more; the dash is U+2014)
 * </pre>
 * The text is separated from the signatures by the <em>last</em> blank line; it may itself contain blank lines. Valid
 * UTF-8 without ASCII control characters other than newline. Signatures cover the text including its final newline.
 *
 * <p>Parsing bounds the input ({@link #MAX_NOTE_BYTES}, {@link #MAX_TEXT_LINES}, {@link #MAX_SIGNATURES},
 * {@link #MAX_SIGNATURE_BYTES}) and rejects any deviation with a {@link MalformedNoteException} naming it.
 *
 * @param text       the note text, including its final newline
 * @param signatures the signature lines, in order (at least one)
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Largest note accepted, in UTF-8 bytes. */
    public static final int MAX_NOTE_BYTES = 128 * 1024;

    /** Most lines the text may have. */
    public static final int MAX_TEXT_LINES = 100;

    /** Most signature lines a note may have (C2SP requires accepting at least 16; Go's note package stops at 100). */
    public static final int MAX_SIGNATURES = 100;

    /** Longest signature (after the key ID) accepted, in bytes. */
    public static final int MAX_SIGNATURE_BYTES = 8 * 1024;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new MalformedNoteException("a signed note has at least one signature line");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new MalformedNoteException("more than " + MAX_SIGNATURES + " signature lines");
        }
    }

    /** Signs {@code text} (which must end in a newline) with every signer, in order. */
    public static SignedNote sign(String text, List<? extends NoteSigner> signers) {
        checkText(text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(bytes)));
        }
        return new SignedNote(text, signatures);
    }

    /** This note with {@code more} signature lines added after its own (e.g. witness cosignatures). */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /** A new signature of this note's text by {@code signer}. */
    public NoteSignature signatureBy(NoteSigner signer) {
        return new NoteSignature(signer.name(), signer.keyId(), signer.sign(textBytes()));
    }

    /** The UTF-8 bytes of the text: what the signatures cover. */
    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The note as text: the text, a blank line, then each signature line followed by a newline. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            sb.append(signature.line()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Parses a note from its UTF-8 bytes.
     *
     * @throws MalformedNoteException naming what is wrong
     */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        if (note.length > MAX_NOTE_BYTES) {
            throw new MalformedNoteException("note has " + note.length + " bytes, more than " + MAX_NOTE_BYTES);
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("note is not valid UTF-8");
        }
    }

    /**
     * Parses a note.
     *
     * @throws MalformedNoteException naming what is wrong
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_NOTE_BYTES
                || note.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES) {
            throw new MalformedNoteException("note is longer than " + MAX_NOTE_BYTES + " bytes");
        }
        checkCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("no blank line separates the text from the signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new MalformedNoteException("no signature lines after the blank line");
        }
        if (!block.endsWith("\n")) {
            throw new MalformedNoteException("the last signature line does not end in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            int end = block.indexOf('\n', start);
            if (signatures.size() == MAX_SIGNATURES) {
                throw new MalformedNoteException("more than " + MAX_SIGNATURES + " signature lines");
            }
            try {
                signatures.add(NoteSignature.parse(block.substring(start, end)));
            } catch (MalformedNoteException e) {
                throw new MalformedNoteException("signature line " + (signatures.size() + 1) + ": " + e.reason());
            }
            start = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Checks the signatures against {@code known} keys, as C2SP signed-note requires: a line whose key name and key
     * ID match no known key is ignored (and counted); a repeated line of a known key counts once; a known key's
     * signature that does not verify rejects the whole note; and the note is rejected unless at least one known key's
     * signature verified.
     *
     * @throws IllegalArgumentException if two known keys share both name and key ID
     */
    public NoteVerification verify(Collection<? extends NoteVerifier> known) {
        Map<String, NoteVerifier> byNameAndId = new HashMap<>();
        for (NoteVerifier verifier : known) {
            if (byNameAndId.put(verifier.name() + "+" + NoteKeys.hex(verifier.keyId()), verifier) != null) {
                throw new IllegalArgumentException("two known keys are both named " + verifier.name()
                        + " with key ID " + NoteKeys.hex(verifier.keyId()));
            }
        }
        byte[] message = textBytes();
        List<NoteVerification.Signer> verified = new ArrayList<>();
        Set<String> seenKnown = new HashSet<>();
        Set<NoteSignature> unknown = new HashSet<>();
        for (NoteSignature signature : signatures) {
            String key = signature.keyName() + "+" + NoteKeys.hex(signature.keyId());
            NoteVerifier verifier = byNameAndId.get(key);
            if (verifier == null) {
                unknown.add(signature);
                continue;
            }
            if (!seenKnown.add(key)) {
                continue;
            }
            if (!verifier.verify(message, signature.signature())) {
                return NoteVerification.failed(verified, unknown.size(), verifier.name(), describe(verifier)
                        + " signature by " + signature.keyName() + " (key ID " + NoteKeys.hex(signature.keyId())
                        + ") does not verify");
            }
            Long timestamp = verifier.type() == SignatureType.COSIGNATURE_V1
                    ? CosignatureVerifier.timestamp(signature.signature()) : null;
            verified.add(new NoteVerification.Signer(verifier.name(), verifier.keyId(), verifier.type(), timestamp));
        }
        if (verified.isEmpty()) {
            return NoteVerification.failed(verified, unknown.size(), null, "no signature by a known key ("
                    + unknown.size() + " signature line" + (unknown.size() == 1 ? "" : "s") + " by unknown keys)");
        }
        return new NoteVerification(true, verified, unknown.size(), null, null);
    }

    private static String describe(NoteVerifier verifier) {
        return switch (verifier.type()) {
            case ED25519 -> "the Ed25519";
            case SM2 -> "the SM2";
            case COSIGNATURE_V1 -> "the cosignature/v1";
        };
    }

    private static void checkText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNoteException("the note text must be non-empty and end in a newline");
        }
        if (text.length() > MAX_NOTE_BYTES) {
            throw new MalformedNoteException("note text longer than " + MAX_NOTE_BYTES + " bytes");
        }
        checkCharacters(text);
        long lines = text.chars().filter(c -> c == '\n').count();
        if (lines > MAX_TEXT_LINES) {
            throw new MalformedNoteException("note text has " + lines + " lines, more than " + MAX_TEXT_LINES);
        }
    }

    private static void checkCharacters(String s) {
        int line = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20) {
                throw new MalformedNoteException(String.format("control character U+%04X on line %d", (int) c, line));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new MalformedNoteException("unpaired surrogate on line " + line + " (not valid Unicode)");
                }
            }
        }
    }
}
