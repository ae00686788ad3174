package org.ecoledger.core.logstore;

import org.ecoledger.core.log.CompactRange;
import org.ecoledger.core.log.LogLeaf;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.store.StoredEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 透明日志写入 (the log writer): appends one leaf per stored event, in global-index order, to the ledger's Merkle tree
 * (docs/transparency-log.md section 3). It keeps each complete subtree's hash once ({@link LogStore#putSubtrees},
 * insert-only) and its head (size, frontier, root) in {@code log_meta}.
 *
 * <p>It is driven by the events a tracking processor has handled: {@link #handled(long, long)} says "events
 * {@code from}..{@code through} have been handled". Leaves below the current size are not appended again (a replay);
 * they are compared with the stored leaf hashes instead. Leaves from the size on are read from the store itself, so a
 * batch whose leaves were lost (the processor's token moved on but the write failed) is caught up rather than skipped.
 *
 * <p>On start it restores the head and checks that the stored frontier is the one the stored subtrees give; it never
 * rewrites a stored subtree. One writer at a time is the caller's concern (the processor's single segment); a second
 * writer computes the same hashes, which the insert-only store accepts as equal. Thread-safe.
 */
public final class TransparencyLogWriter {

    private static final Logger log = LoggerFactory.getLogger(TransparencyLogWriter.class);

    private final LogStore store;
    private final StoredEventLog events;
    private final MerkleTree tree;

    /** Guarded by this; {@code null} until started, and after a failed write (reloaded then). */
    private CompactRange range;

    public TransparencyLogWriter(LogStore store, StoredEventLog events, MerkleTree tree) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /**
     * Restores the stored head and checks it against the stored subtrees.
     *
     * @return the log's size
     * @throws LogIntegrityException when the stored frontier or root is not what the stored subtrees give
     */
    public synchronized long start() {
        LogHead head = store.head().orElse(null);
        if (head == null) {
            range = CompactRange.empty(tree);
            return 0;
        }
        CompactRange fromSubtrees;
        try {
            fromSubtrees = CompactRange.from(tree, store, head.size());
        } catch (IllegalStateException e) {
            throw new LogIntegrityException("log head at size " + head.size(), e.getMessage(), null, null);
        }
        List<byte[]> stored = fromSubtrees.hashes();
        for (int i = 0; i < stored.size(); i++) {
            if (i >= head.frontier().size() || !Arrays.equals(stored.get(i), head.frontier().get(i))) {
                throw new LogIntegrityException("log head at size " + head.size(), "frontier hash " + i
                        + " is not the stored subtree it stands for", LogStore.b64(stored.get(i)),
                        i < head.frontier().size() ? LogStore.b64(head.frontier().get(i)) : "none");
            }
        }
        if (!Arrays.equals(fromSubtrees.root(), head.root())) {
            throw new LogIntegrityException("log head at size " + head.size(), "the stored root is not the root of "
                    + "the stored subtrees", LogStore.b64(fromSubtrees.root()), LogStore.b64(head.root()));
        }
        range = fromSubtrees;
        log.info("Transparency log resumes at size {} (root {})", head.size(), LogStore.b64(head.root()));
        return head.size();
    }

    /** The number of leaves written. */
    public synchronized long size() {
        return current().size();
    }

    /** The current root. */
    public synchronized byte[] root() {
        return current().root();
    }

    private CompactRange current() {
        if (range == null) {
            start();
        }
        return range;
    }

    /**
     * The processor has handled the events with global indexes {@code from}..{@code through}: leaves below the size
     * are checked against the stored ones, and every leaf from the size through {@code through} is appended.
     *
     * @return the log's size afterwards
     * @throws LogIntegrityException when a replayed event's leaf differs from the stored one, or a stored subtree
     *                               differs from the recomputed one
     * @throws IllegalStateException when the store holds no event at an index the processor handled
     */
    public synchronized long handled(long from, long through) {
        if (from < 0 || through < from) {
            throw new IllegalArgumentException("no events from " + from + " through " + through);
        }
        CompactRange current = current();
        if (from < current.size()) {
            checkStoredLeaves(from, Math.min(through + 1, current.size()));
        }
        try {
            while (range.size() <= through) {
                appendFromStore(through);
            }
        } catch (RuntimeException e) {
            range = null; // reload the stored head before the next attempt
            throw e;
        }
        return range.size();
    }

    private void appendFromStore(long through) {
        long size = range.size();
        int wanted = (int) Math.min(through + 1 - size, StoredEventLog.MAX_LEAVES_PER_READ);
        List<LogLeaf> leaves = events.leaves(size, wanted);
        if (leaves.isEmpty()) {
            throw new IllegalStateException("the store holds no event at global index " + size
                    + " although the processor handled events through " + through);
        }
        Map<String, byte[]> subtrees = new LinkedHashMap<>();
        CompactRange next = range;
        for (LogLeaf leaf : leaves) {
            if (leaf.globalIndex() != next.size()) {
                throw new IllegalStateException("expected the event at global index " + next.size() + ", read "
                        + leaf.globalIndex());
            }
            next = next.append(leaf.leafHash(tree), (level, index, hash) ->
                    subtrees.put(LogStore.subtreeId(level, index), hash));
        }
        store.putSubtrees(subtrees);
        store.advanceHead(new LogHead(next.size(), next.hashes(), next.root()));
        range = next;
    }

    /** Replayed events: their leaves must be the stored ones. */
    private void checkStoredLeaves(long from, long until) {
        for (long cursor = from; cursor < until; ) {
            List<LogLeaf> leaves = events.leaves(cursor, (int) Math.min(until - cursor,
                                                                        StoredEventLog.MAX_LEAVES_PER_READ));
            if (leaves.isEmpty()) {
                throw new LogIntegrityException("log leaf " + cursor, "the log holds this leaf but the store has no "
                        + "event at this global index", "an event", "none");
            }
            List<String> ids = new ArrayList<>();
            leaves.forEach(leaf -> ids.add(LogStore.subtreeId(0, leaf.globalIndex())));
            Map<String, byte[]> stored = store.hashes(ids);
            for (LogLeaf leaf : leaves) {
                byte[] computed = leaf.leafHash(tree);
                byte[] kept = stored.get(LogStore.subtreeId(0, leaf.globalIndex()));
                if (kept == null || !Arrays.equals(kept, computed)) {
                    throw new LogIntegrityException("log leaf " + leaf.globalIndex(), "the stored leaf is not the "
                            + "leaf of the stored event (record " + leaf.aggregateId() + ", sequence "
                            + leaf.sequence() + ")", kept == null ? "none" : LogStore.b64(kept),
                            LogStore.b64(computed));
                }
            }
            cursor = leaves.get(leaves.size() - 1).globalIndex() + 1;
        }
    }
}
