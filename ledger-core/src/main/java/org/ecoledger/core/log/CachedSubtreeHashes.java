package org.ecoledger.core.log;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stored subtree hashes read through a bounded cache, for serving proofs. A complete subtree's hash is stored once
 * and never changes ({@link SubtreeHashes}), so a hash read once can be answered again without a read. The proofs of
 * leaves all over a large log share their upper subtrees (one per level, and the levels near the root have few
 * nodes), which a least-recently-used cache of a few tens of thousands of nodes keeps: at a million leaves a proof
 * then reads only its lowest levels from the store.
 *
 * <p>Hashes that are not stored are not cached (they can be stored later). The cache is for answering proofs, whose
 * receivers check them against a signed root; a verification run must read the stored hashes themselves. Thread-safe;
 * the arrays returned are copies.
 */
public final class CachedSubtreeHashes implements SubtreeHashes {

    private final SubtreeHashes store;
    private final int capacity;
    private final Map<Node, byte[]> cache;

    /**
     * @param store    where the hashes are stored
     * @param capacity the most nodes kept (least recently used dropped first)
     */
    public CachedSubtreeHashes(SubtreeHashes store, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Node, byte[]> eldest) {
                return size() > CachedSubtreeHashes.this.capacity;
            }
        };
    }

    @Override
    public byte[] hash(int level, long index) {
        Node node = new Node(level, index);
        return hashes(Set.of(node)).get(node);
    }

    @Override
    public Map<Node, byte[]> hashes(Set<Node> nodes) {
        Map<Node, byte[]> found = new HashMap<>();
        Set<Node> missing = new LinkedHashSet<>();
        synchronized (cache) {
            for (Node node : nodes) {
                byte[] hash = cache.get(node);
                if (hash != null) {
                    found.put(node, hash.clone());
                } else {
                    missing.add(node);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<Node, byte[]> read = store.hashes(missing);
        synchronized (cache) {
            read.forEach((node, hash) -> {
                if (missing.contains(node) && hash != null) {
                    cache.put(node, hash.clone());
                }
            });
        }
        read.forEach((node, hash) -> {
            if (missing.contains(node) && hash != null) {
                found.put(node, hash.clone());
            }
        });
        return found;
    }

    /** Nodes held now. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
