package org.ecoledger.core.logstore;

import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.chain.ChainVerifier;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.CompactRange;
import org.ecoledger.core.log.LogLeaf;
import org.ecoledger.core.log.MalformedNoteException;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteVerification;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.ProofVerification;
import org.ecoledger.core.log.SignatureType;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.store.MalformedStoredEventException;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoredEventLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 全量核验 (verifying the whole ledger) from the store alone:
 * <ol>
 *   <li><b>The log.</b> Every stored event is read in global-index order and its leaf recomputed; the tree is rebuilt
 *   from them and every complete subtree compared with the stored one; at each checkpoint's size the rebuilt root
 *   must be the checkpoint's root. A hole in the global order, or fewer events than the log has leaves, is reported
 *   (events deleted or the tail truncated).</li>
 *   <li><b>The checkpoints.</b> Each one's signatures against every key the log has published (at least one Ed25519
 *   signature verifies, none fails), and each one's consistency with its predecessor by a proof from the stored
 *   subtrees.</li>
 *   <li><b>The records.</b> Each record met in step 1 is verified (its hash chain). The same read serves: every event
 *   read in global order goes to its record's {@link ChainVerifier.Cursor}, so a ledger is read once. A record
 *   whose cursor failed, or one of whose events could not be taken as a chain entry, is read again by its own keys
 *   with the {@link RecordVerifier}, whose report (where the chain breaks, as the application reads the record) is
 *   the one kept; after a hole in the global order, every record is.</li>
 * </ol>
 * Changes inside a record (a field, a deleted, inserted or swapped entry) fail its chain; a truncated tail or a record
 * rewritten with fresh hashes keeps valid chains but fails against the signed log. Every problem is counted, the
 * first {@link #MAX_PROBLEMS_KEPT} kept.
 */
public final class LedgerAudit {

    /** Problems kept in a report (all are counted). */
    public static final int MAX_PROBLEMS_KEPT = 100;

    /** Receives progress: units done of a total that may grow as records are discovered. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final StoredEventLog events;
    private final LogStore log;
    private final RecordVerifier records;
    private final MerkleTree tree;

    public LedgerAudit(StoredEventLog events, LogStore log, RecordVerifier records, MerkleTree tree) {
        this.events = Objects.requireNonNull(events, "events");
        this.log = Objects.requireNonNull(log, "log");
        this.records = Objects.requireNonNull(records, "records");
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    public AuditReport run(Progress progress) {
        Findings findings = new Findings();
        LogHead head = log.head().orElse(null);
        long logSize = head == null ? 0 : head.size();
        List<StoredCheckpoint> checkpoints = log.allCheckpoints();
        long eventsEnd = events.end();
        long total = Math.max(eventsEnd, logSize) + checkpoints.size();
        progress.update(0, total);

        // 1. The log, rebuilt from the stored events.
        Set<String> recordIds = new LinkedHashSet<>();
        Map<String, ChainVerifier.Cursor> chains = new HashMap<>();
        Set<String> readAgain = new HashSet<>();
        boolean globalPassBroken = false;
        CompactRange range = CompactRange.empty(tree);
        int nextCheckpoint = 0;
        boolean leafMismatchSeen = false;
        long cursor = 0;
        nextCheckpoint = atSize(range, checkpoints, nextCheckpoint, head, findings);
        Workers workers = new Workers();
        try {
            Future<List<StoredEventLog.LoggedEvent>> pending = workers.read(events, 0);
            while (true) {
                List<StoredEventLog.LoggedEvent> read;
                try {
                    read = Workers.await(pending);
                } catch (MalformedStoredEventException e) {
                    findings.add("event at global index " + e.globalIndex(), e.getMessage(), null, null);
                    globalPassBroken = true;
                    break;
                }
                if (read.isEmpty()) {
                    break;
                }
                // the next batch is read while this one is checked (range.size() grows by one per event read)
                pending = workers.read(events, cursor + read.size());
                String[] recomputed = workers.recompute(read, records);
                Map<String, byte[]> computed = new LinkedHashMap<>();
                long batchStart = range.size();
                List<LogLeaf> leaves = new ArrayList<>(read.size());
                for (int i = 0; i < read.size(); i++) {
                    StoredEventLog.LoggedEvent event = read.get(i);
                    LogLeaf leaf = event.leaf();
                    leaves.add(leaf);
                    recordIds.add(leaf.aggregateId());
                    follow(chains, readAgain, leaf.aggregateId(), event.entry(), recomputed[i]);
                    if (leaf.globalIndex() != range.size()) {
                        findings.add("event at global index " + range.size(), "the stored event names another global "
                                + "index (record " + leaf.aggregateId() + ", sequence " + leaf.sequence() + ")",
                                Long.toString(range.size()), Long.toString(leaf.globalIndex()));
                        globalPassBroken = true;
                    }
                    range = range.append(leaf.leafHash(tree), (level, index, hash) -> {
                        if (((index + 1) << level) <= logSize) {
                            computed.put(LogStore.subtreeId(level, index), hash);
                        }
                    });
                    nextCheckpoint = atSize(range, checkpoints, nextCheckpoint, head, findings);
                }
                leafMismatchSeen |= compareSubtrees(computed, batchStart, leaves, leafMismatchSeen, findings);
                cursor = range.size();
                progress.update(cursor, total);
            }
        } finally {
            workers.close();
        }
        long eventsRead = range.size();
        globalPassBroken |= eventsRead < Math.max(logSize, eventsEnd);
        if (eventsRead < logSize) {
            findings.add("log", "the log holds " + logSize + " leaves but the stored events stop at global index "
                    + eventsRead + ": events were deleted or the tail was truncated", Long.toString(logSize),
                    Long.toString(eventsRead));
            // Records stored beyond a hole still get their chains verified.
            for (long g = eventsRead + 1; g < Math.max(logSize, eventsEnd); g++) {
                try {
                    events.leaves(g, 1).forEach(leaf -> recordIds.add(leaf.aggregateId()));
                } catch (MalformedStoredEventException e) {
                    // reported by the record's chain
                }
            }
        }
        while (nextCheckpoint < checkpoints.size()) {
            StoredCheckpoint checkpoint = checkpoints.get(nextCheckpoint++);
            findings.add("checkpoint at size " + checkpoint.size(), "its tree cannot be recomputed: only "
                    + eventsRead + " events are stored in global order", Long.toString(checkpoint.size()),
                    Long.toString(eventsRead));
        }

        // 2. The checkpoints' signatures and consistency.
        List<NoteVerifier> keys = new ArrayList<>();
        for (PublishedKey key : log.keys()) {
            try {
                keys.add(key.verifier());
            } catch (IllegalArgumentException e) {
                findings.add("published key " + key.id(), "unreadable: " + e.getMessage(), null, null);
            }
        }
        long done = Math.max(eventsEnd, logSize);
        total = done + checkpoints.size() + recordIds.size();
        Checkpoint previous = null;
        for (StoredCheckpoint stored : checkpoints) {
            previous = checkCheckpoint(stored, previous, keys, findings);
            progress.update(++done, total);
        }

        // 3. Every record's chain.
        for (String aggregateId : recordIds) {
            ChainVerifier.Cursor followed = chains.get(aggregateId);
            if (!globalPassBroken && !readAgain.contains(aggregateId) && followed != null && followed.valid()) {
                progress.update(++done, total);
                continue;
            }
            ChainVerification chain;
            try {
                chain = records.verify(aggregateId);
            } catch (RuntimeException e) {
                findings.add("record " + aggregateId, "cannot be read: " + e.getMessage(), null, null);
                continue;
            }
            if (!chain.valid()) {
                findings.add("record " + aggregateId + " sequence " + chain.firstInvalidSequence(), chain.problem(),
                             chain.expected(), chain.actual());
            }
            progress.update(++done, total);
        }
        return new AuditReport(findings.count == 0, eventsRead, recordIds.size(), logSize, checkpoints.size(),
                               findings.count, findings.kept);
    }

    /** Feeds an event read in global order to its record's chain; a record that cannot be followed is read again. */
    private void follow(Map<String, ChainVerifier.Cursor> chains, Set<String> readAgain, String aggregateId,
                        StoredEntry entry, String recomputed) {
        if (entry == null) {
            readAgain.add(aggregateId);
            return;
        }
        if (readAgain.contains(aggregateId)) {
            return;
        }
        ChainVerifier.Cursor chain = chains.computeIfAbsent(
                aggregateId, id -> records.cursor(entry.entry().aggregateType(), id));
        if (!chain.accept(entry, recomputed)) {
            readAgain.add(aggregateId);
            chains.remove(aggregateId);
        }
    }

    /** At each size of the rebuilt tree: the checkpoints of that size and the stored head must have its root. */
    private int atSize(CompactRange range, List<StoredCheckpoint> checkpoints, int nextCheckpoint, LogHead head,
                       Findings findings) {
        int next = nextCheckpoint;
        while (next < checkpoints.size() && checkpoints.get(next).size() == range.size()) {
            checkRoot(checkpoints.get(next++), range, findings);
        }
        if (head != null && range.size() == head.size() && !Arrays.equals(range.root(), head.root())) {
            findings.add("log head at size " + head.size(), "the stored root is not the root recomputed from the "
                    + "stored events", LogStore.b64(range.root()), LogStore.b64(head.root()));
        }
        return next;
    }

    private void checkRoot(StoredCheckpoint stored, CompactRange range, Findings findings) {
        Checkpoint checkpoint;
        try {
            checkpoint = stored.checkpoint();
        } catch (MalformedNoteException e) {
            return; // reported with the signatures
        }
        if (!Arrays.equals(checkpoint.rootHash(), range.root())) {
            findings.add("checkpoint at size " + stored.size(), "its root is not the root recomputed from the stored "
                    + "events", LogStore.b64(range.root()), LogStore.b64(checkpoint.rootHash()));
        }
    }

    /** Compares recomputed subtrees with the stored ones; returns whether a leaf mismatched. */
    private boolean compareSubtrees(Map<String, byte[]> computed, long batchStart, List<LogLeaf> leaves,
                                    boolean leafMismatchSeen, Findings findings) {
        if (computed.isEmpty()) {
            return false;
        }
        Map<String, byte[]> stored = log.hashes(computed.keySet());
        boolean leafMismatch = false;
        for (Map.Entry<String, byte[]> entry : computed.entrySet()) {
            if (!entry.getKey().startsWith("0/")) {
                continue;
            }
            byte[] kept = stored.get(entry.getKey());
            if (kept == null || !Arrays.equals(kept, entry.getValue())) {
                leafMismatch = true;
                long position = Long.parseLong(entry.getKey().substring(2));
                LogLeaf leaf = leaves.get((int) (position - batchStart));
                findings.add("log leaf " + position, "the logged leaf is not the leaf of the stored event "
                        + "(record " + leaf.aggregateId() + ", sequence " + leaf.sequence() + ")",
                        kept == null ? "a stored leaf" : LogStore.b64(kept), LogStore.b64(entry.getValue()));
            }
        }
        if (!leafMismatch && !leafMismatchSeen) {
            for (Map.Entry<String, byte[]> entry : computed.entrySet()) {
                byte[] kept = stored.get(entry.getKey());
                if (!entry.getKey().startsWith("0/") && (kept == null || !Arrays.equals(kept, entry.getValue()))) {
                    findings.add("log subtree " + entry.getKey(), "the stored subtree hash is not the one recomputed "
                            + "from the stored events", LogStore.b64(entry.getValue()),
                            kept == null ? "none" : LogStore.b64(kept));
                }
            }
        }
        return leafMismatch;
    }

    private Checkpoint checkCheckpoint(StoredCheckpoint stored, Checkpoint previous, List<NoteVerifier> keys,
                                       Findings findings) {
        String item = "checkpoint at size " + stored.size();
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = stored.signedNote();
            checkpoint = Checkpoint.parse(note.text());
        } catch (MalformedNoteException e) {
            findings.add(item, "malformed: " + e.reason(), null, null);
            return previous;
        }
        if (checkpoint.size() != stored.size()) {
            findings.add(item, "the note is for another tree size", Long.toString(stored.size()),
                         Long.toString(checkpoint.size()));
        }
        NoteVerification signatures = keys.isEmpty()
                ? null : note.verify(keys);
        if (signatures == null || !signatures.valid() || !signatures.verifiedBy(SignatureType.ED25519)) {
            findings.add(item, signatures == null ? "the log has published no keys"
                    : signatures.valid() ? "no published Ed25519 key signed it" : signatures.problem(), null, null);
        }
        if (previous != null) {
            if (!previous.origin().equals(checkpoint.origin())) {
                findings.add(item, "its origin differs from the previous checkpoint's", previous.origin(),
                             checkpoint.origin());
            }
            try {
                List<byte[]> proof = tree.readingAtOnce(log, subtrees -> tree.consistencyProof(
                        subtrees, previous.size(), checkpoint.size()));
                ProofVerification consistent = tree.verifyConsistency(previous.size(), checkpoint.size(),
                                                                      previous.rootHash(), checkpoint.rootHash(),
                                                                      proof);
                if (!consistent.valid()) {
                    findings.add(item, "not consistent with the checkpoint of size " + previous.size() + ": "
                            + consistent.problem(), null, null);
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                findings.add(item, "no consistency proof from size " + previous.size() + ": " + e.getMessage(),
                             null, null);
            }
        }
        return checkpoint;
    }

    /**
     * A run's helper threads: one reads the next batch of events while the current batch is checked, and the
     * entries' hashes are recomputed on as many threads as there are processors (hashing is most of a run's work).
     * Daemon threads, stopped when the run ends.
     */
    private static final class Workers {

        private static final AtomicInteger RUNS = new AtomicInteger();

        private final int slices = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final ExecutorService reader;
        private final ExecutorService hashers;

        Workers() {
            String name = "ledger-audit-" + RUNS.incrementAndGet();
            this.reader = Executors.newSingleThreadExecutor(daemon(name + "-reader"));
            this.hashers = Executors.newFixedThreadPool(slices, daemon(name + "-hasher"));
        }

        private static ThreadFactory daemon(String name) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        /** Reads the events from global index {@code from} on, on the reader thread. */
        Future<List<StoredEventLog.LoggedEvent>> read(StoredEventLog events, long from) {
            return reader.submit(() -> events.events(from, StoredEventLog.MAX_LEAVES_PER_READ));
        }

        /** The recomputed hash of each event's entry ({@link ChainVerifier#recompute}; null without an entry). */
        String[] recompute(List<StoredEventLog.LoggedEvent> read, RecordVerifier records) {
            String[] hashes = new String[read.size()];
            int slice = (read.size() + slices - 1) / slices;
            List<Callable<Void>> tasks = new ArrayList<>(slices);
            for (int from = 0; from < read.size(); from += slice) {
                int first = from;
                int end = Math.min(read.size(), from + slice);
                tasks.add(() -> {
                    for (int i = first; i < end; i++) {
                        StoredEntry entry = read.get(i).entry();
                        hashes[i] = entry == null ? null : records.recompute(entry.entry());
                    }
                    return null;
                });
            }
            try {
                for (Future<Void> done : hashers.invokeAll(tasks)) {
                    await(done);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The verification run was interrupted", e);
            }
            return hashes;
        }

        /** The task's result; what it threw is thrown here. */
        static <T> T await(Future<T> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The verification run was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                if (e.getCause() instanceof Error thrown) {
                    throw thrown;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        void close() {
            reader.shutdownNow();
            hashers.shutdownNow();
        }
    }

    private static final class Findings {
        long count;
        final List<AuditProblem> kept = new ArrayList<>();

        void add(String item, String problem, String expected, String actual) {
            count++;
            if (kept.size() < MAX_PROBLEMS_KEPT) {
                kept.add(new AuditProblem(item, problem, expected, actual));
            }
        }
    }
}
