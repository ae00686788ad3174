package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.ecoledger.core.chain.HashAlgorithm;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MerkleTreeTest {

    /** Builds the tree of {@code leaves} with a {@link CompactRange}, keeping every subtree hash. */
    private static MemorySubtreeHashes build(MerkleTree tree, List<byte[]> leafHashes) {
        MemorySubtreeHashes stored = new MemorySubtreeHashes();
        CompactRange range = CompactRange.empty(tree);
        for (byte[] leafHash : leafHashes) {
            range = range.append(leafHash, stored);
        }
        return stored;
    }

    private static List<byte[]> leafHashes(HashAlgorithm algorithm, JsonNode vectors) {
        List<byte[]> out = new ArrayList<>();
        vectors.get("leaves").forEach(leaf -> out.add(NaiveMerkle.leafHash(algorithm, MerkleVectors.hex(leaf))));
        return out;
    }

    private static byte[] flipBit(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[0] ^= (byte) (1 << bit);
        return copy;
    }

    @Nested
    class KnownAnswers {

        @ParameterizedTest
        @EnumSource(HashAlgorithm.class)
        void leafHashes_roots_andEveryProofOfTreesUpTo8Leaves_matchTheVectors(HashAlgorithm algorithm) {
            JsonNode v = MerkleVectors.load(algorithm);
            MerkleTree tree = new MerkleTree(algorithm);
            List<byte[]> leafHashes = new ArrayList<>();
            v.get("leaves").forEach(leaf -> leafHashes.add(tree.leafHash(MerkleVectors.hex(leaf))));
            assertThat(leafHashes).containsExactlyElementsOf(MerkleVectors.hexList(v.get("leafHashes")));
            MemorySubtreeHashes stored = build(tree, leafHashes);

            assertThat(tree.emptyRoot()).isEqualTo(MerkleVectors.hex(v.get("emptyRoot")));
            assertThat(tree.root(List.of())).isEqualTo(MerkleVectors.hex(v.get("emptyRoot")));
            assertThat(tree.root(stored, 0)).isEqualTo(MerkleVectors.hex(v.get("emptyRoot")));
            CompactRange range = CompactRange.empty(tree);
            for (int n = 1; n <= 8; n++) {
                byte[] expected = MerkleVectors.hex(v.get("roots").get(n - 1));
                range = range.append(leafHashes.get(n - 1), SubtreeSink.NONE);
                assertThat(range.root()).as("compact range root of %d", n).isEqualTo(expected);
                assertThat(tree.root(leafHashes.subList(0, n))).as("MTH of %d", n).isEqualTo(expected);
                assertThat(tree.root(stored, n)).as("stored root of %d", n).isEqualTo(expected);
            }
            for (JsonNode p : v.get("inclusion")) {
                long index = p.get("leafIndex").longValue();
                long size = p.get("treeSize").longValue();
                List<byte[]> expected = MerkleVectors.hexList(p.get("proof"));
                assertThat(tree.inclusionProof(stored, index, size)).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(expected);
                byte[] root = MerkleVectors.hex(v.get("roots").get((int) size - 1));
                assertThat(tree.verifyInclusion(index, size, leafHashes.get((int) index), expected, root))
                        .isEqualTo(ProofVerification.ok());
            }
            for (JsonNode p : v.get("consistency")) {
                long first = p.get("first").longValue();
                long second = p.get("second").longValue();
                List<byte[]> expected = MerkleVectors.hexList(p.get("proof"));
                assertThat(tree.consistencyProof(stored, first, second)).as("PROOF(%d, D[%d])", first, second)
                        .containsExactlyElementsOf(expected);
                byte[] firstRoot = MerkleVectors.hex(v.get("roots").get((int) first - 1));
                byte[] secondRoot = MerkleVectors.hex(v.get("roots").get((int) second - 1));
                assertThat(tree.verifyConsistency(first, second, firstRoot, secondRoot, expected))
                        .isEqualTo(ProofVerification.ok());
            }
        }

        @Test
        void publishedRfc6962Vectors_verify_andEveryCorruptionOfThemFails() {
            JsonNode published = MerkleVectors.load(HashAlgorithm.SHA_256).get("published");
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            List<byte[]> leafHashes = leafHashes(HashAlgorithm.SHA_256, MerkleVectors.load(HashAlgorithm.SHA_256));
            List<byte[]> roots = MerkleVectors.hexList(published.get("roots"));
            for (JsonNode p : published.get("inclusion")) {
                long index = p.get("leafIndex").longValue();
                long size = p.get("treeSize").longValue();
                List<byte[]> proof = MerkleVectors.hexList(p.get("proof"));
                byte[] root = roots.get((int) size - 1);
                byte[] leaf = leafHashes.get((int) index);
                assertThat(tree.verifyInclusion(index, size, leaf, proof, root).valid()).isTrue();

                assertThat(tree.verifyInclusion(index + 1, size, leaf, proof, root).valid()).isFalse();
                assertThat(tree.verifyInclusion(index ^ 2, size, leaf, proof, root).valid()).isFalse();
                assertThat(tree.verifyInclusion(index, size * 2, leaf, proof, root).valid()).isFalse();
                assertThat(tree.verifyInclusion(index, size / 2, leaf, proof, root).valid()).isFalse();
                assertThat(tree.verifyInclusion(index, size, flipBit(leaf, 3), proof, root).valid()).isFalse();
                assertThat(tree.verifyInclusion(index, size, leaf, proof, tree.emptyRoot()).valid()).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(tree.verifyInclusion(index, size, leaf, longer, root).valid()).isFalse();
                longer = new ArrayList<>(proof);
                longer.add(0, root);
                assertThat(tree.verifyInclusion(index, size, leaf, longer, root).valid()).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> wrong = new ArrayList<>(proof);
                    wrong.set(i, flipBit(proof.get(i), 3));
                    assertThat(tree.verifyInclusion(index, size, leaf, wrong, root).valid()).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(tree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root)
                            .valid()).isFalse();
                }
            }
            for (JsonNode p : published.get("consistency")) {
                long first = p.get("first").longValue();
                long second = p.get("second").longValue();
                List<byte[]> proof = MerkleVectors.hexList(p.get("proof"));
                byte[] r1 = roots.get((int) first - 1);
                byte[] r2 = roots.get((int) second - 1);
                assertThat(tree.verifyConsistency(first, second, r1, r2, proof).valid()).isTrue();
                if (proof.isEmpty()) {
                    continue;
                }
                assertThat(tree.verifyConsistency(first - 1, second, r1, r2, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first + 1, second, r1, r2, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first ^ 2, second, r1, r2, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first, second * 2, r1, r2, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first, second / 2, r1, r2, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first, second, r2, r1, proof).valid()).isFalse();
                assertThat(tree.verifyConsistency(first, second, r1, r2, List.of()).valid()).isFalse();
                assertThat(tree.verifyConsistency(first, second, r1, r2, proof.subList(0, proof.size() - 1))
                        .valid()).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(r2);
                assertThat(tree.verifyConsistency(first, second, r1, r2, longer).valid()).isFalse();
                longer = new ArrayList<>(proof);
                longer.add(0, proof.get(0));
                assertThat(tree.verifyConsistency(first, second, r1, r2, longer).valid()).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> wrong = new ArrayList<>(proof);
                    wrong.set(i, flipBit(proof.get(i), 4));
                    assertThat(tree.verifyConsistency(first, second, r1, r2, wrong).valid()).isFalse();
                }
            }
        }

        @Test
        void edgeCasesOfConsistency_followTheReferenceImplementation() {
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            byte[] a = tree.leafHash(new byte[] {1});
            byte[] b = tree.leafHash(new byte[] {2});
            assertThat(tree.verifyConsistency(0, 0, a, a, List.of()).valid()).isTrue();
            assertThat(tree.verifyConsistency(0, 1, a, b, List.of()).valid()).isTrue();
            assertThat(tree.verifyConsistency(1, 1, b, b, List.of()).valid()).isTrue();
            assertThat(tree.verifyConsistency(1, 1, a, b, List.of()).problem())
                    .startsWith("two trees of size 1 have different roots");
            assertThat(tree.verifyConsistency(2, 1, a, b, List.of()).problem())
                    .isEqualTo("tree size 2 cannot precede tree size 1");
            assertThat(tree.verifyConsistency(1, 2, a, b, List.of()).problem())
                    .isEqualTo("consistency proof has 0 hashes; from size 1 to size 2 it needs 1");
            assertThat(tree.verifyConsistency(1, 1, a, a, List.of(a)).valid()).isFalse();
            assertThat(tree.verifyConsistency(0, 1, a, a, List.of(a)).valid()).isFalse();
        }

        @Test
        void untrustedProofSizes_areBoundedBeforeHashing() {
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            byte[] h = tree.emptyRoot();
            List<byte[]> tooLong = new ArrayList<>();
            for (int i = 0; i <= MerkleTree.MAX_PROOF_HASHES; i++) {
                tooLong.add(h);
            }
            assertThat(tree.verifyInclusion(0, Long.MAX_VALUE, h, tooLong, h).problem())
                    .isEqualTo("proof has 65 hashes, more than the 64 any tree needs");
            assertThat(tree.verifyInclusion(0, 2, h, List.of(new byte[31]), h).problem())
                    .isEqualTo("proof hash 0 has 31 bytes, not 32");
            assertThat(tree.verifyInclusion(2, 2, h, List.of(h), h).problem())
                    .isEqualTo("leaf index 2 is not below the tree size 2");
            assertThat(MerkleTree.inclusionProofLength(0, Long.MAX_VALUE)).isEqualTo(63);
            assertThat(MerkleTree.inclusionProofLength(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(62);
            assertThat(MerkleTree.consistencyProofLength(Long.MAX_VALUE - 2, Long.MAX_VALUE))
                    .isLessThanOrEqualTo(MerkleTree.MAX_PROOF_HASHES);
        }

        @Test
        void aMissingStoredSubtree_isReportedWithItsPlace() {
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            assertThatThrownBy(() -> tree.inclusionProof((level, index) -> null, 0, 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stored subtree hash at level 0, index 1 is missing");
            assertThatThrownBy(() -> tree.inclusionProof((level, index) -> null, 2, 2))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Proofs and roots computed with their stored hashes read in one batch equal those read one by one. */
    @Nested
    class ReadingAtOnce {

        @Test
        void everyRootAndProofOfTreesUpTo200Leaves_equalsTheOneByOneAnswer_inOneBatchRead() {
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            Random random = new Random(42);
            List<byte[]> leafHashes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] leaf = new byte[8];
                random.nextBytes(leaf);
                leafHashes.add(NaiveMerkle.leafHash(HashAlgorithm.SHA_256, leaf));
            }
            MemorySubtreeHashes memory = build(tree, leafHashes);
            int[] singleReads = {0};
            int[] batchReads = {0};
            SubtreeHashes store = new SubtreeHashes() {
                @Override
                public byte[] hash(int level, long index) {
                    singleReads[0]++;
                    return memory.hash(level, index);
                }

                @Override
                public java.util.Map<Node, byte[]> hashes(java.util.Set<Node> nodes) {
                    batchReads[0]++;
                    java.util.Map<Node, byte[]> found = new java.util.HashMap<>();
                    nodes.forEach(node -> found.put(node, memory.hash(node.level(), node.index())));
                    return found;
                }
            };
            for (int n = 1; n <= 200; n++) {
                final int size = n;
                int m = random.nextInt(n);
                batchReads[0] = 0;
                byte[] root = tree.readingAtOnce(store, stored -> tree.root(stored, size));
                List<byte[]> inclusion = tree.readingAtOnce(store, stored -> tree.inclusionProof(stored, m, size));
                List<byte[]> consistency = tree.readingAtOnce(store,
                                                              stored -> tree.consistencyProof(stored, m, size));
                assertThat(root).isEqualTo(tree.root(memory, size));
                assertThat(inclusion).containsExactlyElementsOf(tree.inclusionProof(memory, m, size));
                assertThat(consistency).containsExactlyElementsOf(tree.consistencyProof(memory, m, size));
                assertThat(batchReads[0]).as("one batch read per computation that reads").isLessThanOrEqualTo(3);
            }
            assertThat(singleReads[0]).as("no subtree read one by one").isZero();
        }

        @Test
        void aMissingSubtree_isStillReportedWithItsPlace() {
            MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
            assertThatThrownBy(() -> tree.readingAtOnce((level, index) -> null,
                                                        stored -> tree.inclusionProof(stored, 0, 2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("stored subtree hash at level 0, index 1 is missing");
        }
    }

    /**
     * Every tree size 1 to 1,000 over random leaves, against {@link NaiveMerkle}: roots for all; inclusion proofs of
     * every leaf up to size 300 and of sampled leaves above; consistency proofs of all pairs up to 64 and sampled
     * pairs above. Every proof is also verified, and a flipped bit in it fails.
     */
    @Nested
    class AgainstTheRecursiveDefinition {

        private static final int SIZES = 1_000;

        @ParameterizedTest
        @EnumSource(HashAlgorithm.class)
        void everyTreeSize_rootsAndProofs_equalTheRfcDefinitions(HashAlgorithm algorithm) {
            Random random = new Random(9162L + algorithm.ordinal());
            MerkleTree tree = new MerkleTree(algorithm);
            List<byte[]> leafHashes = new ArrayList<>();
            for (int i = 0; i < SIZES; i++) {
                byte[] leaf = new byte[random.nextInt(40)];
                random.nextBytes(leaf);
                leafHashes.add(NaiveMerkle.leafHash(algorithm, leaf));
            }
            NaiveMerkle naive = new NaiveMerkle(algorithm, leafHashes);
            MemorySubtreeHashes stored = new MemorySubtreeHashes();
            CompactRange range = CompactRange.empty(tree);
            List<byte[]> roots = new ArrayList<>();
            roots.add(tree.emptyRoot());
            for (int n = 1; n <= SIZES; n++) {
                range = range.append(leafHashes.get(n - 1), stored);
                byte[] expected = naive.mth(0, n);
                assertThat(range.root()).as("compact root of %d", n).isEqualTo(expected);
                assertThat(tree.root(stored, n)).as("stored root of %d", n).isEqualTo(expected);
                assertThat(CompactRange.from(tree, stored, n).root()).isEqualTo(expected);
                assertThat(CompactRange.of(tree, n, range.hashes()).root()).isEqualTo(expected);
                roots.add(expected);
            }
            assertThat(tree.root(leafHashes)).isEqualTo(roots.get(SIZES));
            assertThat(stored.size()).as("one hash per complete subtree").isEqualTo(2 * SIZES - Integer.bitCount(SIZES));

            for (int n = 1; n <= SIZES; n++) {
                boolean every = n <= 300;
                if (!every && n % 7 != 0) {
                    continue;
                }
                int checks = every ? n : 12;
                for (int c = 0; c < checks; c++) {
                    int m = every ? c : random.nextInt(n);
                    List<byte[]> proof = tree.inclusionProof(stored, m, n);
                    assertThat(proof).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(naive.path(m, n));
                    assertThat(proof).hasSize(MerkleTree.inclusionProofLength(m, n));
                    assertThat(tree.verifyInclusion(m, n, leafHashes.get(m), proof, roots.get(n)).valid()).isTrue();
                    if (!proof.isEmpty() && c % 5 == 0) {
                        List<byte[]> wrong = new ArrayList<>(proof);
                        int i = random.nextInt(proof.size());
                        wrong.set(i, flipBit(proof.get(i), random.nextInt(8)));
                        assertThat(tree.verifyInclusion(m, n, leafHashes.get(m), wrong, roots.get(n)).valid())
                                .isFalse();
                    }
                }
            }

            for (int n = 1; n <= 64; n++) {
                for (int m = 1; m < n; m++) {
                    checkConsistency(tree, stored, naive, roots, m, n, random);
                }
            }
            for (int s = 0; s < 2_000; s++) {
                int n = 65 + random.nextInt(SIZES - 64);
                int m = 1 + random.nextInt(n - 1);
                checkConsistency(tree, stored, naive, roots, m, n, random);
            }
        }

        private void checkConsistency(MerkleTree tree, MemorySubtreeHashes stored, NaiveMerkle naive,
                                      List<byte[]> roots, int m, int n, Random random) {
            List<byte[]> proof = tree.consistencyProof(stored, m, n);
            assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(naive.proof(m, n));
            assertThat(proof).hasSize(MerkleTree.consistencyProofLength(m, n));
            assertThat(tree.verifyConsistency(m, n, roots.get(m), roots.get(n), proof))
                    .as("consistency %d -> %d", m, n).isEqualTo(ProofVerification.ok());
            List<byte[]> wrong = new ArrayList<>(proof);
            int i = random.nextInt(proof.size());
            wrong.set(i, flipBit(proof.get(i), random.nextInt(8)));
            assertThat(tree.verifyConsistency(m, n, roots.get(m), roots.get(n), wrong).valid()).isFalse();
            assertThat(tree.verifyConsistency(m, n, roots.get(m - 1), roots.get(n), proof).valid()).isFalse();
        }
    }
}
