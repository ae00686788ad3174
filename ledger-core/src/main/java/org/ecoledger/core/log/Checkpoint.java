package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP tlog-checkpoint: the text of the signed note that commits to the log's tree at one size.
 * <pre>
 *   &lt;origin&gt;                      e.g. ledger.local/eco-accountability
 *   &lt;tree size, decimal&gt;          no leading zeros ("0" for the empty tree)
 *   &lt;base64 root hash&gt;            standard padded base64 of the 32-byte RFC 9162 root
 *   [&lt;extension line&gt;…]          optional, non-empty, opaque
 * </pre>
 * each line ending in a newline.
 *
 * @param origin     the log's identity
 * @param size       number of leaves
 * @param rootHash   the tree's root hash (copied)
 * @param extensions extension lines, usually none
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** Most extension lines accepted. */
    public static final int MAX_EXTENSION_LINES = 16;

    /** Length of a root hash: 32 bytes for both of the ledger's hash algorithms. */
    public static final int ROOT_HASH_BYTES = 32;

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new MalformedNoteException("the origin must be one non-empty line");
        }
        if (size < 0) {
            throw new MalformedNoteException("tree size must be >= 0, was " + size);
        }
        rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
        if (rootHash.length != ROOT_HASH_BYTES) {
            throw new MalformedNoteException("root hash has " + rootHash.length + " bytes, not " + ROOT_HASH_BYTES);
        }
        extensions = List.copyOf(extensions);
        if (extensions.size() > MAX_EXTENSION_LINES) {
            throw new MalformedNoteException("more than " + MAX_EXTENSION_LINES + " extension lines");
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.contains("\n")) {
                throw new MalformedNoteException("an extension line must be one non-empty line");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, base64 root, extensions, each line ending in a newline. */
    public String body() {
        StringBuilder sb = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> sb.append(extension).append('\n'));
        return sb.toString();
    }

    /** Signs the body with every signer: the checkpoint as a signed note. */
    public SignedNote sign(List<? extends NoteSigner> signers) {
        return SignedNote.sign(body(), signers);
    }

    /**
     * Parses a checkpoint body (a signed note's text).
     *
     * @throws MalformedNoteException naming the line and what is wrong with it
     */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        if (!body.endsWith("\n")) {
            throw new MalformedNoteException("the checkpoint does not end in a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new MalformedNoteException("a checkpoint has at least 3 lines (origin, tree size, root hash), not "
                    + lines.length);
        }
        if (lines.length - 3 > MAX_EXTENSION_LINES) {
            throw new MalformedNoteException("more than " + MAX_EXTENSION_LINES + " extension lines");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new MalformedNoteException("line " + (i + 1) + " is empty");
            }
        }
        String sizeText = lines[1];
        if (!sizeText.matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedNoteException("line 2 (tree size) '" + abbreviate(sizeText)
                    + "' is not a decimal number without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(sizeText);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException("line 2 (tree size) " + sizeText + " is too large");
        }
        byte[] root;
        try {
            root = NoteKeys.strictBase64(lines[2], "line 3 (root hash)");
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(e.getMessage());
        }
        if (root.length != ROOT_HASH_BYTES) {
            throw new MalformedNoteException("line 3 (root hash) has " + root.length + " bytes, not "
                    + ROOT_HASH_BYTES);
        }
        return new Checkpoint(lines[0], size, root, new ArrayList<>(Arrays.asList(lines).subList(3, lines.length)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " | ") + "]";
    }
}
