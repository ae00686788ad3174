package org.ecoledger.core.log;

import java.util.HashMap;
import java.util.Map;

/**
 * Subtree hashes kept in memory: a {@link SubtreeSink} for {@link CompactRange#append} and the {@link SubtreeHashes}
 * that {@link MerkleTree} reads proofs from. For tests, exports and tools that rebuild a log; the ledger's writer
 * keeps the same hashes in its store. Not thread-safe.
 */
public final class MemorySubtreeHashes implements SubtreeHashes, SubtreeSink {

    private record Key(int level, long index) {
    }

    private final Map<Key, byte[]> hashes = new HashMap<>();

    @Override
    public void put(int level, long index, byte[] hash) {
        hashes.put(new Key(level, index), hash.clone());
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] hash = hashes.get(new Key(level, index));
        return hash == null ? null : hash.clone();
    }

    /** Number of subtree hashes held. */
    public int size() {
        return hashes.size();
    }
}
