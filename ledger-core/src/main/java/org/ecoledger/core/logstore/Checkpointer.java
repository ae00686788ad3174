package org.ecoledger.core.logstore;

import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.MalformedNoteException;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteSigner;
import org.ecoledger.core.log.ProofVerification;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.store.StoreDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 检查点签署 (signing checkpoints): signs the log's tree head as a C2SP checkpoint with every configured signer
 * (Ed25519, and SM2 when configured) and keeps it in {@code log_checkpoints}. Before signing it recomputes the root
 * from the stored subtrees and <b>proves the new tree consistent with the latest checkpoint</b> (a consistency proof
 * from the stored subtrees, verified by RFC 9162's algorithm), so the log never signs two views that contradict each
 * other. A checkpoint is made durable before it is returned. Thread-safe.
 */
public final class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final LogStore store;
    private final MerkleTree tree;
    private final String origin;
    private final List<NoteSigner> signers;
    private final Clock clock;
    private final StoreDurability durability;

    public Checkpointer(LogStore store, MerkleTree tree, String origin, List<? extends NoteSigner> signers,
                        Clock clock, StoreDurability durability) {
        this.store = Objects.requireNonNull(store, "store");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.signers = List.copyOf(signers);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.durability = Objects.requireNonNull(durability, "durability");
    }

    /** Whether this node has a signing key. */
    public boolean canSign() {
        return !signers.isEmpty();
    }

    public String origin() {
        return origin;
    }

    /** The latest checkpoint, if any. */
    public Optional<StoredCheckpoint> latest() {
        return store.latestCheckpoint();
    }

    /** Signs a checkpoint of the current tree head if {@code policy} says one is due. */
    public synchronized Optional<StoredCheckpoint> signIfDue(CheckpointPolicy policy) {
        long size = store.head().map(LogHead::size).orElse(0L);
        if (!canSign() || !policy.due(store.latestCheckpoint().orElse(null), size, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(sign(size));
    }

    /**
     * The checkpoint of tree size {@code size}: the stored one if it exists, else a new one, signed after proving
     * consistency with the latest.
     *
     * @throws IllegalStateException    when this node has no signing key
     * @throws IllegalArgumentException when the log is smaller than {@code size}, or a larger checkpoint exists
     *                                  already (the log never signs an older view after a newer one)
     * @throws LogIntegrityException    when the stored tree is not consistent with the latest checkpoint
     */
    public synchronized StoredCheckpoint sign(long size) {
        if (!canSign()) {
            throw new IllegalStateException("this node has no signing key (LEDGER_SIGNING_KEY)");
        }
        LogHead head = store.head().orElse(null);
        long headSize = head == null ? 0 : head.size();
        if (size < 0 || size > headSize) {
            throw new IllegalArgumentException("the log has " + headSize + " leaves; cannot sign size " + size);
        }
        StoredCheckpoint latest = store.latestCheckpoint().orElse(null);
        if (latest != null && latest.size() >= size) {
            if (latest.size() == size) {
                return latest;
            }
            throw new IllegalArgumentException("a checkpoint of size " + latest.size() + " exists; the log does not "
                    + "sign the smaller size " + size);
        }
        byte[] root = tree.readingAtOnce(store, stored -> tree.root(stored, size));
        if (head != null && size == headSize && !Arrays.equals(root, head.root())) {
            throw new LogIntegrityException("log head at size " + size, "the stored root is not the root of the "
                    + "stored subtrees", LogStore.b64(root), LogStore.b64(head.root()));
        }
        if (latest != null) {
            proveConsistent(latest, size, root);
        }
        SignedNote note = new Checkpoint(origin, size, root).sign(signers);
        StoredCheckpoint signed = new StoredCheckpoint(size, note.format(), clock.instant(),
                                                       latest == null ? -1 : latest.size(), List.of());
        if (!store.insertCheckpoint(signed)) {
            signed = store.checkpoint(size).orElseThrow(); // another node signed this size meanwhile
        }
        durability.awaitDurable();
        log.debug("Signed checkpoint {} of size {}", LogStore.b64(root), size);
        return signed;
    }

    private void proveConsistent(StoredCheckpoint latest, long size, byte[] root) {
        Checkpoint previous;
        try {
            previous = latest.checkpoint();
        } catch (MalformedNoteException e) {
            throw new LogIntegrityException("checkpoint at size " + latest.size(), "malformed: " + e.reason(),
                                            null, null);
        }
        if (!previous.origin().equals(origin)) {
            throw new LogIntegrityException("checkpoint at size " + latest.size(), "it is for another origin",
                                            origin, previous.origin());
        }
        List<byte[]> proof;
        try {
            proof = tree.readingAtOnce(store, stored -> tree.consistencyProof(stored, previous.size(), size));
        } catch (IllegalStateException e) {
            throw new LogIntegrityException("consistency proof from size " + previous.size() + " to " + size,
                                            e.getMessage(), null, null);
        }
        ProofVerification consistent = tree.verifyConsistency(previous.size(), size, previous.rootHash(), root,
                                                              proof);
        if (!consistent.valid()) {
            throw new LogIntegrityException("consistency proof from size " + previous.size() + " to " + size,
                                            "the stored tree is not consistent with the latest checkpoint: "
                                                    + consistent.problem(), null, null);
        }
    }
}
