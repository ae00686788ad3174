package org.ecoledger.bench.micro;

import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.log.CompactRange;
import org.ecoledger.core.log.MemorySubtreeHashes;
import org.ecoledger.core.log.MerkleTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Building a Merkle inclusion proof (RFC 9162) from stored subtree hashes, for a random leaf of a log of 1M leaves,
 * with the ledger's {@link MerkleTree} over subtree hashes held in memory — the proof work alone, without the
 * store's lookups (those are in {@code proof.inclusion.p99_ms}, measured over HTTP).
 */
@State(Scope.Benchmark)
public class ProofBenchmarks {

    @Param("1000000")
    public long leaves;

    private MerkleTree tree;
    private MemorySubtreeHashes stored;
    private final SplittableRandom random = new SplittableRandom(5);

    @Setup
    public void setUp() {
        tree = new MerkleTree(HashAlgorithm.SHA_256);
        stored = new MemorySubtreeHashes();
        CompactRange range = CompactRange.empty(tree);
        for (long i = 0; i < leaves; i++) {
            range = range.append(tree.leafHash(ByteBuffer.allocate(8).putLong(i).array()), stored);
        }
    }

    @Benchmark
    public List<byte[]> inclusionProof() {
        return tree.inclusionProof(stored, random.nextLong(leaves), leaves);
    }
}
