package org.ecoledger.core.logstore;

import java.util.List;
import java.util.Objects;

/**
 * The writer's state as stored: the tree size, its frontier (the compact range: one complete-subtree hash per set
 * bit of the size, largest first) and its root.
 *
 * @param size     number of leaves
 * @param frontier the compact range's hashes
 * @param root     the tree's root hash
 */
public record LogHead(long size, List<byte[]> frontier, byte[] root) {

    public LogHead {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        frontier = List.copyOf(frontier);
        Objects.requireNonNull(root, "root");
    }
}
