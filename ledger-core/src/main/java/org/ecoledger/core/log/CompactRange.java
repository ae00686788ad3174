package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The log writer's state: the hashes of the complete subtrees along the right edge of a tree of {@code size} leaves
 * (the "frontier"), one per set bit of {@code size}, largest subtree first. For 13 = 8 + 4 + 1 leaves these are the
 * subtrees of leaves [0, 8), [8, 12) and [12, 13). That is all a writer needs to append a leaf in O(log n) and to
 * compute the root, and it is small enough to keep with every checkpoint.
 *
 * <p>Immutable: {@link #append} returns a new range, so a writer whose append fails keeps its previous state.
 */
public final class CompactRange {

    private final MerkleTree tree;
    private final long size;
    private final List<byte[]> hashes;

    private CompactRange(MerkleTree tree, long size, List<byte[]> hashes) {
        this.tree = tree;
        this.size = size;
        this.hashes = hashes;
    }

    /** The range of the empty tree. */
    public static CompactRange empty(MerkleTree tree) {
        return new CompactRange(Objects.requireNonNull(tree, "tree"), 0, List.of());
    }

    /**
     * A range restored from its size and frontier hashes (as returned by {@link #hashes()}).
     *
     * @throws IllegalArgumentException if the number or length of the hashes does not fit {@code size}
     */
    public static CompactRange of(MerkleTree tree, long size, List<byte[]> hashes) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(hashes, "hashes");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " frontier hashes, not " + hashes.size());
        }
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != tree.algorithm().digestLength()) {
                throw new IllegalArgumentException("frontier hash of the wrong length");
            }
            copy.add(hash.clone());
        }
        return new CompactRange(tree, size, Collections.unmodifiableList(copy));
    }

    /**
     * The range of the first {@code size} leaves, read from stored subtree hashes: one read per set bit of
     * {@code size}.
     *
     * @throws IllegalStateException if a needed hash is not stored
     */
    public static CompactRange from(MerkleTree tree, SubtreeHashes stored, long size) {
        Objects.requireNonNull(stored, "stored");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        List<byte[]> hashes = new ArrayList<>();
        long position = 0;
        for (int level = MerkleTree.MAX_LEVEL; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                byte[] hash = stored.hash(level, position >>> level);
                if (hash == null) {
                    throw new IllegalStateException("stored subtree hash at level " + level + ", index "
                            + (position >>> level) + " is missing");
                }
                hashes.add(hash);
                position += 1L << level;
            }
        }
        return of(tree, size, hashes);
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /** The frontier hashes, largest subtree first (copies). */
    public List<byte[]> hashes() {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        hashes.forEach(hash -> copy.add(hash.clone()));
        return copy;
    }

    /**
     * Appends the leaf whose hash is {@code leafHash} (H(0x00 || leaf)) as leaf number {@link #size()}. Tells
     * {@code sink} about the new leaf (level 0) and every subtree it completes, in increasing level, before returning
     * the new range; O(log n) hashing.
     */
    public CompactRange append(byte[] leafHash, SubtreeSink sink) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(sink, "sink");
        if (leafHash.length != tree.algorithm().digestLength()) {
            throw new IllegalArgumentException("leaf hash has " + leafHash.length + " bytes");
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        List<byte[]> next = new ArrayList<>(hashes);
        byte[] hash = leafHash.clone();
        sink.put(0, size, hash.clone());
        int level = 0;
        while ((size & (1L << level)) != 0) {
            hash = tree.nodeHash(next.remove(next.size() - 1), hash);
            level++;
            sink.put(level, size >>> level, hash.clone());
        }
        next.add(hash);
        return new CompactRange(tree, size + 1, Collections.unmodifiableList(next));
    }

    /** MTH of the tree: the frontier folded from the right, or H() when empty. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return tree.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = tree.nodeHash(hashes.get(i), root);
        }
        return root.clone();
    }
}
