package org.ecoledger.api.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.CachedSubtreeHashes;
import org.ecoledger.core.log.CosignatureVerifier;
import org.ecoledger.core.log.EvidenceBundle;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteSignature;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.logstore.LogHead;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.logstore.PublishedKey;
import org.ecoledger.core.logstore.StoredCheckpoint;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoredEventLog;

/**
 * What {@code /api/v1/log/…} and {@code /api/v1/officials/{id}/evidence} answer: the latest checkpoint, proofs from
 * the stored subtrees, the published keys, witness cosignatures, and evidence bundles (docs/transparency-log.md).
 */
public class TransparencyLog {

    /** How often a waiting evidence request looks at the log again. */
    static final Duration POLL = Duration.ofMillis(50);

    private final LogStore logStore;
    private final StoredEventLog events;
    private final RecordVerifier records;
    private final MerkleTree tree;
    private final Checkpointer checkpointer;
    private final WitnessKeys witnesses;
    private final Duration evidenceWait;
    private final HashAlgorithm algorithm;
    /** The stored subtrees as the proofs read them: through a cache of the most used ({@link #PROOF_CACHE_NODES}). */
    private final CachedSubtreeHashes proofReads;

    /**
     * Subtree hashes kept in memory for proofs (~110 bytes each, ~7 MB): the upper levels of a log of millions of
     * leaves, which every proof passes through.
     */
    static final int PROOF_CACHE_NODES = 65_536;

    TransparencyLog(LogStore logStore, StoredEventLog events, RecordVerifier records, MerkleTree tree,
                    Checkpointer checkpointer, WitnessKeys witnesses, Duration evidenceWait,
                    HashAlgorithm algorithm) {
        this.logStore = logStore;
        this.events = events;
        this.records = records;
        this.tree = tree;
        this.checkpointer = checkpointer;
        this.witnesses = witnesses;
        this.evidenceWait = evidenceWait;
        this.algorithm = algorithm;
        this.proofReads = new CachedSubtreeHashes(logStore, PROOF_CACHE_NODES);
    }

    /** The log's stored size (leaves written). */
    public long size() {
        return logStore.head().map(LogHead::size).orElse(0L);
    }

    /** The latest signed checkpoint; on a log without any, one is signed now if this node can. */
    public StoredCheckpoint latestCheckpoint() {
        return logStore.latestCheckpoint().orElseGet(() -> {
            if (!checkpointer.canSign()) {
                throw new ProofUnavailableException("no checkpoint has been signed yet", 0, 0, 1);
            }
            return checkpointer.sign(size());
        });
    }

    /** The checkpoint of {@code size}. */
    public StoredCheckpoint checkpoint(long size) {
        return logStore.checkpoint(size).orElseThrow(() -> new UnknownCheckpointException(size));
    }

    /** The inclusion proof of entry {@code sequence} of an official's record in the tree of {@code treeSize}. */
    public InclusionProof inclusionProof(OfficialId official, long sequence, Long treeSize) {
        StoredEntry entry = events.entry(official.aggregateIdentifier(), sequence)
                                  .orElseThrow(() -> new UnknownEntryException(official.value(), sequence));
        long size = treeSize != null ? treeSize : latestCheckpoint().size();
        long logSize = size();
        long leaf = entry.entry().globalIndex();
        if (size > logSize) {
            throw new ProofUnavailableException("the log has " + logSize + " leaves, not " + size, size, logSize,
                                                null);
        }
        if (leaf >= size) {
            throw new ProofUnavailableException("entry " + sequence + " of official " + official.value()
                    + " is leaf " + leaf + ", not inside a tree of size " + size, leaf + 1, size, null);
        }
        return new InclusionProof(leaf, size, base64(tree.readingAtOnce(
                proofReads, stored -> tree.inclusionProof(stored, leaf, size))));
    }

    /** The consistency proof from tree size {@code first} to {@code second}. */
    public ConsistencyProof consistencyProof(long first, long second) {
        long logSize = size();
        if (first < 0 || first > second) {
            throw new ProofUnavailableException("no consistency proof from size " + first + " to size " + second,
                                                second, logSize, null);
        }
        if (second > logSize) {
            throw new ProofUnavailableException("the log has " + logSize + " leaves, not " + second, second, logSize,
                                                null);
        }
        return new ConsistencyProof(first, second, base64(tree.readingAtOnce(
                proofReads, stored -> tree.consistencyProof(stored, first, second))));
    }

    /** Every key the log has signed with. */
    public List<PublishedKey> keys() {
        return logStore.keys();
    }

    /**
     * Accepts a trusted witness's cosignature of the checkpoint of {@code treeSize} and keeps it with the checkpoint.
     */
    public Cosignature addCosignature(long treeSize, String line) {
        if (line == null || line.isBlank()) {
            throw new InvalidCosignatureException(null, "the cosignature line is required: \"— <witness> <base64>\"");
        }
        NoteSignature signature;
        try {
            signature = NoteSignature.parse(line.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCosignatureException(null, "the cosignature line is malformed: " + e.getMessage());
        }
        CosignatureVerifier witness = witnesses.find(signature.keyName(), signature.keyId()).orElseThrow(
                () -> new InvalidCosignatureException(signature.keyName(), "witness " + signature.keyName()
                        + " with key ID " + String.format("%08x", signature.keyId()) + " is not trusted by this "
                        + "ledger (ledger.log.witnesses)"));
        StoredCheckpoint checkpoint = checkpoint(treeSize);
        SignedNote note = checkpoint.signedNote();
        if (!witness.verify(note.textBytes(), signature.signature())) {
            throw new InvalidCosignatureException(witness.name(), "the cosignature of " + witness.name()
                    + " does not verify for the checkpoint of size " + treeSize);
        }
        String normalized = signature.line();
        logStore.addCosignature(treeSize, normalized);
        return new Cosignature(treeSize, witness.name(), CosignatureVerifier.timestamp(signature.signature()),
                               normalized);
    }

    /**
     * The evidence bundle of an official's record: its entries as stored, their inclusion proofs to the latest
     * checkpoint (signed now if the newest entries are not in one yet), that checkpoint, its cosignatures, the
     * published keys, and the consistency proof from {@code since} if given.
     */
    public ObjectNode evidence(OfficialId official, Long since) {
        String aggregateId = official.aggregateIdentifier();
        List<StoredEntry> entries = records.storedEntries(aggregateId);
        if (entries.isEmpty()) {
            throw new UnknownEntryException(official.value(), null);
        }
        if (entries.size() > EvidenceBundle.MAX_ENTRIES) {
            throw new ProofUnavailableException("the record has " + entries.size() + " entries, more than an "
                    + "evidence bundle holds (" + EvidenceBundle.MAX_ENTRIES + ")", entries.size(),
                    EvidenceBundle.MAX_ENTRIES, null);
        }
        long needed = entries.stream().mapToLong(e -> e.entry().globalIndex()).max().orElseThrow() + 1;
        StoredCheckpoint checkpoint = checkpointCovering(needed);
        long size = checkpoint.size();
        List<EvidenceBundle.Leaf> leaves = tree.readingAtOnce(proofReads, stored -> {
            List<EvidenceBundle.Leaf> proved = new ArrayList<>(entries.size());
            for (StoredEntry entry : entries) {
                long leaf = entry.entry().globalIndex();
                proved.add(new EvidenceBundle.Leaf(leaf, base64(tree.inclusionProof(stored, leaf, size))));
            }
            return proved;
        });
        List<EvidenceBundle.ConsistencyProof> consistency = new ArrayList<>();
        if (since != null) {
            if (since < 0 || since > size) {
                throw new ProofUnavailableException("no consistency proof from size " + since + " to the "
                        + "checkpoint's size " + size, since, size, null);
            }
            consistency.add(new EvidenceBundle.ConsistencyProof(since, base64(tree.readingAtOnce(
                    proofReads, stored -> tree.consistencyProof(stored, since, size)))));
        }
        List<EvidenceBundle.PublicKey> keys = logStore.keys().stream()
                .map(key -> new EvidenceBundle.PublicKey(key.name(), key.type(), key.verifierKey())).toList();
        return new EvidenceBundle(algorithm, checkpointer.origin(), entries.get(0).entry().aggregateType(),
                                  aggregateId, entries, leaves, checkpoint.note(), keys, checkpoint.cosignatures(),
                                  consistency).toJson();
    }

    /**
     * A checkpoint covering every event stored now: the latest if it does, else one signed once the log has caught up
     * (waiting as long as an evidence request does).
     *
     * @throws ProofUnavailableException when the log has not caught up in time
     */
    public StoredCheckpoint checkpointCoveringTheStore() {
        return checkpointCovering(events.end());
    }

    /**
     * A checkpoint whose tree includes leaf {@code leaf}: the latest if it does, else one signed once the log has
     * caught up (waiting as long as an evidence request does).
     *
     * @throws ProofUnavailableException when the log has not caught up in time
     */
    public StoredCheckpoint checkpointIncluding(long leaf) {
        return checkpointCovering(leaf + 1);
    }

    /** The log's origin, the first line of its checkpoints. */
    public String origin() {
        return checkpointer.origin();
    }

    /** The merkle tree's hash algorithm (the ledger's). */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The latest checkpoint if it covers {@code size} leaves; else one signed now, after the log caught up. */
    private StoredCheckpoint checkpointCovering(long size) {
        long deadline = System.nanoTime() + evidenceWait.toNanos();
        while (true) {
            StoredCheckpoint latest = logStore.latestCheckpoint().orElse(null);
            if (latest != null && latest.size() >= size) {
                return latest;
            }
            long logSize = size();
            if (logSize >= size && checkpointer.canSign()) {
                try {
                    return checkpointer.sign(logSize);
                } catch (IllegalArgumentException raced) {
                    continue; // a larger checkpoint was signed meanwhile
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ProofUnavailableException("the log has not yet reached the record's newest entry (leaf "
                        + (size - 1) + "); try again shortly", size, latest == null ? 0 : latest.size(), 1);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProofUnavailableException("interrupted while waiting for the log", size, logSize, 1);
            }
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(hash -> Base64.getEncoder().encodeToString(hash)).toList();
    }

    /** {@code GET /api/v1/log/proofs/inclusion}. */
    public record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {
    }

    /** {@code GET /api/v1/log/proofs/consistency}. */
    public record ConsistencyProof(long first, long second, List<String> hashes) {
    }

    /** An accepted cosignature. */
    public record Cosignature(long treeSize, String witness, long timestamp, String cosignature) {
    }
}
