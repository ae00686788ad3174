package org.ecoledger.core.log;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Read access to the stored hashes of the log's complete subtrees, from which {@link MerkleTree} computes roots and
 * proofs with O(log n) reads.
 *
 * <p>The subtree at ({@code level}, {@code index}) is the complete subtree of 2<sup>level</sup> leaves that starts at
 * leaf {@code index * 2^level}; its hash is the RFC 9162 MTH of those leaves (for level 0, the leaf hash). A log
 * writer stores each such hash once, when the subtree becomes complete (see {@link CompactRange#append}); they never
 * change afterwards.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The hash of the complete subtree ({@code level}, {@code index}), or {@code null} if it is not stored.
     *
     * @param level 0 for a leaf, up to 62
     * @param index position of the subtree among those of its level, from 0
     */
    byte[] hash(int level, long index);

    /** A complete subtree's position: its level and its index among the subtrees of that level. */
    record Node(int level, long index) {
    }

    /**
     * The stored hashes of several subtrees (those not stored are absent from the answer). A store reads them in one
     * batch; the default reads them one by one.
     */
    default Map<Node, byte[]> hashes(Set<Node> nodes) {
        Map<Node, byte[]> found = new HashMap<>();
        for (Node node : nodes) {
            byte[] hash = hash(node.level(), node.index());
            if (hash != null) {
                found.put(node, hash);
            }
        }
        return found;
    }
}
