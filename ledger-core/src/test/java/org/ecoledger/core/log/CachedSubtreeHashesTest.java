package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ecoledger.core.chain.HashAlgorithm;
import org.junit.jupiter.api.Test;

class CachedSubtreeHashesTest {

    static final MerkleTree TREE = new MerkleTree(HashAlgorithm.SHA_256);

    /** The subtrees of a tree of {@code size} leaves, and a count of the nodes read from them. */
    static final class CountingStore implements SubtreeHashes {
        final MemorySubtreeHashes hashes = new MemorySubtreeHashes();
        int reads;
        int batches;

        CountingStore(long size) {
            CompactRange range = CompactRange.empty(TREE);
            for (long i = 0; i < size; i++) {
                range = range.append(TREE.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)), hashes);
            }
        }

        @Override
        public byte[] hash(int level, long index) {
            reads++;
            return hashes.hash(level, index);
        }

        @Override
        public Map<Node, byte[]> hashes(Set<Node> nodes) {
            batches++;
            return SubtreeHashes.super.hashes(nodes);
        }
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(hash -> Base64.getEncoder().encodeToString(hash)).toList();
    }

    @Test
    void proofsThroughTheCache_areTheStoredProofs_andRepeatedNodesAreNotReadAgain() {
        CountingStore store = new CountingStore(1_000);
        CachedSubtreeHashes cached = new CachedSubtreeHashes(store, 10_000);
        Random random = new Random(11);
        for (int n = 0; n < 300; n++) {
            long size = 1 + random.nextInt(1_000);
            long leaf = random.nextInt((int) size);
            List<byte[]> direct = TREE.readingAtOnce(store.hashes, s -> TREE.inclusionProof(s, leaf, size));
            List<byte[]> through = TREE.readingAtOnce(cached, s -> TREE.inclusionProof(s, leaf, size));
            assertThat(b64(through)).isEqualTo(b64(direct));
            long first = 1 + random.nextInt((int) size);
            assertThat(b64(TREE.readingAtOnce(cached, s -> TREE.consistencyProof(s, first, size))))
                    .isEqualTo(b64(TREE.readingAtOnce(store.hashes, s -> TREE.consistencyProof(s, first, size))));
        }
        int reads = store.reads;
        int batches = store.batches;
        List<byte[]> again = TREE.readingAtOnce(cached, s -> TREE.inclusionProof(s, 7, 1_000));
        List<byte[]> onceMore = TREE.readingAtOnce(cached, s -> TREE.inclusionProof(s, 7, 1_000));
        assertThat(b64(onceMore)).isEqualTo(b64(again));
        assertThat(store.batches).as("the second proof of leaf 7 reads nothing").isLessThanOrEqualTo(batches + 1);
        assertThat(store.reads).isLessThanOrEqualTo(reads + again.size());
    }

    @Test
    void aHashNotStoredIsNotCached_soItIsFoundOnceStored() {
        MemorySubtreeHashes memory = new MemorySubtreeHashes();
        CachedSubtreeHashes cached = new CachedSubtreeHashes(memory, 10);
        assertThat(cached.hash(0, 3)).isNull();
        memory.put(0, 3, new byte[] {1, 2, 3});
        assertThat(cached.hash(0, 3)).containsExactly(1, 2, 3);
        assertThat(cached.size()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsCapacity_droppingTheLeastRecentlyUsed_andHandsOutCopies() {
        MemorySubtreeHashes memory = new MemorySubtreeHashes();
        for (int i = 0; i < 10; i++) {
            memory.put(0, i, new byte[] {(byte) i});
        }
        int[] reads = {0};
        SubtreeHashes store = (level, index) -> {
            reads[0]++;
            return memory.hash(level, index);
        };
        CachedSubtreeHashes cached = new CachedSubtreeHashes(store, 3);
        List<byte[]> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(cached.hash(0, i));
        }
        cached.hash(0, 0); // 0 is now the most recently used
        cached.hash(0, 5); // drops 1
        assertThat(cached.size()).isEqualTo(3);
        int before = reads[0];
        cached.hash(0, 0);
        cached.hash(0, 2);
        cached.hash(0, 5);
        assertThat(reads[0]).as("0, 2 and 5 are held").isEqualTo(before);
        cached.hash(0, 1);
        assertThat(reads[0]).as("1 was dropped").isEqualTo(before + 1);

        byte[] handedOut = cached.hash(0, 5);
        handedOut[0] = 99;
        assertThat(cached.hash(0, 5)).containsExactly(5);
        assertThatThrownBy(() -> new CachedSubtreeHashes(memory, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
