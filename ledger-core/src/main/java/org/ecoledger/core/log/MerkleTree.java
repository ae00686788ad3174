package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.ecoledger.core.chain.HashAlgorithm;

/**
 * The Merkle tree hash of RFC 9162, section 2.1, with the ledger's {@link HashAlgorithm}: the tree head (MTH),
 * inclusion proofs (PATH) and consistency proofs (PROOF / SUBPROOF), and their verification by the exact algorithms
 * of sections 2.1.3.2 and 2.1.4.2.
 * <pre>
 *   MTH({})       = H()                          the empty tree
 *   MTH({d(0)})   = H(0x00 || d(0))              a leaf
 *   MTH(D[n])     = H(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   k the largest power of two smaller than n
 * </pre>
 * Proofs are computed from stored complete-subtree hashes ({@link SubtreeHashes}) with O(log n) reads: every node a
 * proof needs is either a complete subtree (one read) or the right edge of the tree, which is combined from at most
 * log<sub>2</sub> n complete subtrees. Immutable and thread-safe.
 */
public final class MerkleTree {

    /**
     * Most hashes any proof may hold. A tree has fewer than 2<sup>63</sup> leaves, so an inclusion proof holds at
     * most 63 hashes and a consistency proof at most 64; longer input is refused before any hashing.
     */
    public static final int MAX_PROOF_HASHES = 64;

    /** Highest level of a complete subtree: 2<sup>62</sup> leaves. */
    public static final int MAX_LEVEL = 62;

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};
    private static final byte[] EMPTY = new byte[0];

    private final HashAlgorithm algorithm;

    public MerkleTree(HashAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** MTH of the empty tree: H of zero bytes. */
    public byte[] emptyRoot() {
        return algorithm.digest(EMPTY);
    }

    /** H(0x00 || leaf). */
    public byte[] leafHash(byte[] leaf) {
        return algorithm.digest(LEAF_PREFIX, Objects.requireNonNull(leaf, "leaf"));
    }

    /** H(0x01 || left || right). */
    public byte[] nodeHash(byte[] left, byte[] right) {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return algorithm.digest(NODE_PREFIX, both);
    }

    /** MTH of the leaves whose leaf hashes are given, in order (the RFC's recursive definition). */
    public byte[] root(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        return leafHashes.isEmpty() ? emptyRoot() : mth(leafHashes, 0, leafHashes.size());
    }

    private byte[] mth(List<byte[]> leafHashes, int begin, int n) {
        if (n == 1) {
            return leafHashes.get(begin).clone();
        }
        int k = (int) split(n);
        return nodeHash(mth(leafHashes, begin, k), mth(leafHashes, begin + k, n - k));
    }

    /** MTH of the first {@code size} leaves, from stored subtree hashes: at most log<sub>2</sub> n + 1 reads. */
    public byte[] root(SubtreeHashes stored, long size) {
        Objects.requireNonNull(stored, "stored");
        requireSize(size);
        return size == 0 ? emptyRoot() : edge(stored, 0, size);
    }

    /**
     * Runs {@code computation} (a root or a proof of this tree) with every stored subtree hash it needs read in one
     * batch ({@link SubtreeHashes#hashes}) instead of one read each: it runs once on placeholder hashes to learn
     * which subtrees it reads (which subtrees a root or proof needs depends on the sizes and indices only, never on
     * the hashes), then again on the hashes read. Exceptions of the first run propagate as they would from the second.
     */
    public <T> T readingAtOnce(SubtreeHashes stored, Function<SubtreeHashes, T> computation) {
        Objects.requireNonNull(stored, "stored");
        Set<SubtreeHashes.Node> needed = new LinkedHashSet<>();
        byte[] placeholder = new byte[algorithm.digestLength()];
        computation.apply((level, index) -> {
            needed.add(new SubtreeHashes.Node(level, index));
            return placeholder;
        });
        Map<SubtreeHashes.Node, byte[]> read = needed.isEmpty() ? Map.of() : stored.hashes(needed);
        return computation.apply((level, index) -> read.get(new SubtreeHashes.Node(level, index)));
    }

    /**
     * PATH(index, D[size]) of RFC 9162 section 2.1.3.1: the audit path of leaf {@code index} in the tree of the first
     * {@code size} leaves, lowest level first.
     *
     * @throws IllegalArgumentException unless 0 &le; index &lt; size
     * @throws IllegalStateException    if a stored subtree hash the proof needs is missing or malformed
     */
    public List<byte[]> inclusionProof(SubtreeHashes stored, long index, long size) {
        Objects.requireNonNull(stored, "stored");
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(stored, index, 0, size, proof);
        return proof;
    }

    private void path(SubtreeHashes stored, long m, long begin, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(stored, m, begin, k, proof);
            proof.add(edge(stored, begin + k, n - k));
        } else {
            path(stored, m - k, begin + k, n - k, proof);
            proof.add(edge(stored, begin, k));
        }
    }

    /**
     * PROOF(first, D[second]) of RFC 9162 section 2.1.4.1; empty when {@code first} is 0 or equals {@code second}.
     *
     * @throws IllegalArgumentException unless 0 &le; first &le; second
     * @throws IllegalStateException    if a stored subtree hash the proof needs is missing or malformed
     */
    public List<byte[]> consistencyProof(SubtreeHashes stored, long first, long second) {
        Objects.requireNonNull(stored, "stored");
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(stored, first, 0, second, true, proof);
        }
        return proof;
    }

    private void subproof(SubtreeHashes stored, long m, long begin, long n, boolean wholeOldTree,
                          List<byte[]> proof) {
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(edge(stored, begin, n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(stored, m, begin, k, wholeOldTree, proof);
            proof.add(edge(stored, begin + k, n - k));
        } else {
            subproof(stored, m - k, begin + k, n - k, false, proof);
            proof.add(edge(stored, begin, k));
        }
    }

    /**
     * MTH(D[begin:begin+length]) for the ranges RFC 9162's recursion visits: {@code begin} is a multiple of a power of
     * two at least {@code length}, so the range is a run of complete subtrees of decreasing size (one per set bit of
     * {@code length}), and its MTH folds them from the right.
     */
    private byte[] edge(SubtreeHashes stored, long begin, long length) {
        if (begin % Long.highestOneBit(length) != 0) {
            throw new IllegalStateException("range [" + begin + ", " + (begin + length) + ") is not a tree node");
        }
        byte[][] parts = new byte[Long.bitCount(length)][];
        int count = 0;
        long position = begin;
        for (int level = MAX_LEVEL; level >= 0; level--) {
            if ((length & (1L << level)) != 0) {
                parts[count++] = read(stored, level, position >>> level);
                position += 1L << level;
            }
        }
        byte[] hash = parts[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            hash = nodeHash(parts[i], hash);
        }
        return hash;
    }

    private byte[] read(SubtreeHashes stored, int level, long index) {
        byte[] hash = stored.hash(level, index);
        if (hash == null || hash.length != algorithm.digestLength()) {
            throw new IllegalStateException("stored subtree hash at level " + level + ", index " + index
                    + (hash == null ? " is missing" : " has " + hash.length + " bytes, not "
                    + algorithm.digestLength()));
        }
        return hash.clone();
    }

    /**
     * Verifies an inclusion proof by the algorithm of RFC 9162 section 2.1.3.2.
     *
     * @param index    the leaf's index
     * @param size     the tree size the proof is for
     * @param leafHash the leaf's hash, H(0x00 || leaf)
     * @param proof    the audit path, lowest level first
     * @param root     the tree head to verify against
     */
    public ProofVerification verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        // Step 1.
        if (index < 0 || size < 0 || index >= size) {
            return ProofVerification.failed("leaf index " + index + " is not below the tree size " + size);
        }
        String shape = checkHashes(proof, leafHash, root);
        if (shape != null) {
            return ProofVerification.failed(shape);
        }
        int expected = inclusionProofLength(index, size);
        if (proof.size() != expected) {
            return ProofVerification.failed("inclusion proof has " + proof.size() + " hashes; leaf " + index
                    + " of a tree of size " + size + " needs " + expected);
        }
        // Steps 2 to 4.
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return ProofVerification.failed("inclusion proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        if (sn != 0) {
            return ProofVerification.failed("inclusion proof is shorter than the path to the root");
        }
        if (!Arrays.equals(r, root)) {
            return ProofVerification.failed("the root computed from the inclusion proof, " + b64(r)
                    + ", is not the tree's root " + b64(root));
        }
        return ProofVerification.ok();
    }

    /**
     * Verifies a consistency proof by the algorithm of RFC 9162 section 2.1.4.2. Trees of size 0 are consistent with
     * every tree and trees of equal size must have equal roots; in both cases the proof must be empty.
     */
    public ProofVerification verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                               List<byte[]> proof) {
        Objects.requireNonNull(firstRoot, "firstRoot");
        Objects.requireNonNull(secondRoot, "secondRoot");
        Objects.requireNonNull(proof, "proof");
        if (first < 0 || second < 0 || first > second) {
            return ProofVerification.failed("tree size " + first + " cannot precede tree size " + second);
        }
        String shape = checkHashes(proof, firstRoot, secondRoot);
        if (shape != null) {
            return ProofVerification.failed(shape);
        }
        if (first == second) {
            if (!proof.isEmpty()) {
                return ProofVerification.failed("a consistency proof between trees of equal size must be empty");
            }
            return Arrays.equals(firstRoot, secondRoot) ? ProofVerification.ok()
                    : ProofVerification.failed("two trees of size " + first + " have different roots, "
                    + b64(firstRoot) + " and " + b64(secondRoot));
        }
        if (first == 0) {
            return proof.isEmpty() ? ProofVerification.ok()
                    : ProofVerification.failed("a consistency proof from the empty tree must be empty");
        }
        int expected = consistencyProofLength(first, second);
        if (proof.size() != expected) {
            return ProofVerification.failed("consistency proof has " + proof.size() + " hashes; from size " + first
                    + " to size " + second + " it needs " + expected);
        }
        // Step 1 (cannot happen after the length check, kept as in the RFC).
        if (proof.isEmpty()) {
            return ProofVerification.failed("consistency proof is empty");
        }
        // Step 2.
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        // Steps 3 and 4.
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return ProofVerification.failed("consistency proof is longer than the path to the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        if (sn != 0) {
            return ProofVerification.failed("consistency proof is shorter than the path to the root");
        }
        if (!Arrays.equals(fr, firstRoot)) {
            return ProofVerification.failed("the proof yields " + b64(fr) + " for the tree of size " + first
                    + ", not its root " + b64(firstRoot));
        }
        if (!Arrays.equals(sr, secondRoot)) {
            return ProofVerification.failed("the proof yields " + b64(sr) + " for the tree of size " + second
                    + ", not its root " + b64(secondRoot));
        }
        return ProofVerification.ok();
    }

    /** Number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size} leaves. */
    public static int inclusionProofLength(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    /** Number of hashes in the consistency proof from size {@code first} to {@code second} (0 &lt; first &lt; second). */
    public static int consistencyProofLength(long first, long second) {
        if (first <= 0 || first >= second) {
            throw new IllegalArgumentException("no consistency proof hashes from size " + first + " to " + second);
        }
        long index = first - 1;
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (second - 1));
        int border = Long.bitCount(index >>> inner);
        int shift = Long.numberOfTrailingZeros(first);
        int seed = first == 1L << shift ? 0 : 1;
        return seed + inner - shift + border;
    }

    /** Bounds and hash lengths of untrusted proof input; {@code null} when fine. */
    private String checkHashes(List<byte[]> proof, byte[] first, byte[] second) {
        if (proof.size() > MAX_PROOF_HASHES) {
            return "proof has " + proof.size() + " hashes, more than the " + MAX_PROOF_HASHES + " any tree needs";
        }
        int length = algorithm.digestLength();
        for (int i = 0; i < proof.size(); i++) {
            byte[] hash = proof.get(i);
            if (hash == null || hash.length != length) {
                return "proof hash " + i + " has " + (hash == null ? "no" : hash.length) + " bytes, not " + length;
            }
        }
        if (first.length != length || second.length != length) {
            return "a hash to verify against is not " + length + " bytes long";
        }
        return null;
    }

    /** The largest power of two smaller than {@code n} (n &ge; 2). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must be >= 0, was " + size);
        }
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
