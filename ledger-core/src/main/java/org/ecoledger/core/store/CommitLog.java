package org.ecoledger.core.store;

import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.ecoledger.core.store.LedgerSchema.COUNT;
import static org.ecoledger.core.store.LedgerSchema.FIRST_SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.ID;
import static org.ecoledger.core.store.LedgerSchema.LAST_SEQUENCE;

/**
 * The read side of the {@code events} collection, every question answered by lookups of exact keys
 * ({@link KeyedReads}): the global index of a commit's first event ({@code _id}) or a record's aggregate key
 * ({@code ak}).
 */
final class CommitLog {

    private static final Logger log = LoggerFactory.getLogger(CommitLog.class);

    /**
     * How many keys one probing lookup asks for. Each key of an {@code $in} is an index search on the server (the
     * embedded server's H2 index compares keys by serializing them), so probes start small and grow.
     */
    static final int PROBE_WINDOW = 16;
    /**
     * The largest window used when reading a long record. The embedded server re-checks every returned document
     * against the whole {@code $in} list, so one lookup costs documents × keys; windows stay small.
     */
    static final int MAX_WINDOW = 128;

    private final KeyedReads reads;

    CommitLog(KeyedReads reads) {
        this.reads = reads;
    }

    private List<BsonDocument> byStart(List<Long> starts) {
        return reads.byId(LedgerSchema.EVENTS, starts);
    }

    private List<BsonDocument> byAggregateKey(List<String> keys) {
        return reads.byUniqueKey(LedgerSchema.EVENTS, LedgerSchema.AGGREGATE_KEY_INDEX, LedgerSchema.AGGREGATE_KEY,
                                 keys);
    }

    static long start(BsonDocument commit) {
        return BsonJson.toLong(commit.get(ID));
    }

    static long end(BsonDocument commit) {
        return start(commit) + commit.getInt32(COUNT).getValue();
    }

    static long firstSequence(BsonDocument commit) {
        return BsonJson.toLong(commit.get(FIRST_SEQUENCE));
    }

    static long lastSequence(BsonDocument commit) {
        return BsonJson.toLong(commit.get(LAST_SEQUENCE));
    }

    /** The commits whose first event has a global index in {@code [from, from + window)}, by that index. */
    Map<Long, BsonDocument> startingIn(long from, int window) {
        List<Long> keys = new ArrayList<>(window);
        for (long i = from; i < from + window; i++) {
            keys.add(i);
        }
        Map<Long, BsonDocument> byStart = new HashMap<>();
        for (BsonDocument commit : byStart(keys)) {
            byStart.put(start(commit), commit);
        }
        return byStart;
    }

    /** The commit holding the event at {@code globalIndex}, or null when there is none. */
    BsonDocument holdingIndex(long globalIndex) {
        List<BsonDocument> exact = byStart(List.of(globalIndex));
        if (!exact.isEmpty()) {
            return exact.get(0);
        }
        long low = Math.max(0, globalIndex - LedgerEventStorageEngine.MAX_EVENTS_PER_COMMIT + 1);
        for (long top = globalIndex; top >= low; top -= PROBE_WINDOW) {
            long bottom = Math.max(low, top - PROBE_WINDOW + 1);
            List<Long> keys = new ArrayList<>(PROBE_WINDOW);
            for (long i = bottom; i <= top; i++) {
                keys.add(i);
            }
            BsonDocument best = null;
            for (BsonDocument commit : byStart(keys)) {
                if (best == null || start(commit) > start(best)) {
                    best = commit;
                }
            }
            if (best != null) {
                return end(best) > globalIndex ? best : null;
            }
        }
        return null;
    }

    /**
     * The global index at which the next commit starts, found by walking commit to commit from {@code boundary},
     * which should be the start of a commit or the end of the log; any other value is detected and the walk starts
     * from the beginning instead.
     */
    long endOfLog(long boundary) {
        long cursor = boundary;
        if (cursor > 0) {
            BsonDocument holding = holdingIndex(cursor - 1);
            if (holding == null || end(holding) != cursor) {
                log.warn("Global index {} is not the end of a commit; walking the log from its start", cursor);
                cursor = 0;
            }
        }
        while (true) {
            Map<Long, BsonDocument> found = startingIn(cursor, PROBE_WINDOW);
            long windowEnd = cursor + PROBE_WINDOW;
            BsonDocument commit;
            while ((commit = found.get(cursor)) != null) {
                cursor = end(commit);
            }
            if (cursor < windowEnd) {
                return cursor;
            }
        }
    }

    /** The commit of {@code aggregateId} that holds its event {@code sequence}, or null when there is none. */
    BsonDocument containing(String aggregateId, long sequence) {
        List<BsonDocument> exact = byAggregateKey(List.of(LedgerSchema.aggregateKey(aggregateId, sequence)));
        if (!exact.isEmpty()) {
            return exact.get(0);
        }
        long low = Math.max(0, sequence - LedgerEventStorageEngine.MAX_EVENTS_PER_COMMIT + 1);
        for (long top = sequence; top >= low; top -= PROBE_WINDOW) {
            long bottom = Math.max(low, top - PROBE_WINDOW + 1);
            List<String> keys = new ArrayList<>(PROBE_WINDOW);
            for (long s = top; s >= bottom; s--) {
                keys.add(LedgerSchema.aggregateKey(aggregateId, s));
            }
            BsonDocument best = null;
            for (BsonDocument commit : byAggregateKey(keys)) {
                if (best == null || firstSequence(commit) > firstSequence(best)) {
                    best = commit;
                }
            }
            if (best != null) {
                return lastSequence(best) >= sequence ? best : null;
            }
        }
        return null;
    }

    /**
     * The commits of a record from the one holding {@code firstSequence} on, in order: windows of aggregate keys,
     * the first {@code window} wide, doubling for long records.
     *
     * @param lookahead how many further windows to probe when a commit is missing, so that a verifier sees what
     *                  lies beyond a deleted commit (0 when reading for the application: a record ends at its
     *                  first missing commit)
     */
    List<BsonDocument> ofRecord(String aggregateId, long firstSequence, int window, int lookahead) {
        List<BsonDocument> commits = new ArrayList<>();
        long cursor = firstSequence;
        if (cursor > 0) {
            BsonDocument holding = containing(aggregateId, cursor);
            if (holding != null && firstSequence(holding) < cursor) {
                commits.add(holding);
                cursor = lastSequence(holding) + 1;
            }
        }
        int size = Math.max(1, Math.min(MAX_WINDOW, window));
        int probesLeft = lookahead;
        while (true) {
            Map<Long, BsonDocument> byFirst = new HashMap<>();
            List<String> keys = new ArrayList<>(size);
            for (long s = cursor; s < cursor + size; s++) {
                keys.add(LedgerSchema.aggregateKey(aggregateId, s));
            }
            for (BsonDocument commit : byAggregateKey(keys)) {
                byFirst.put(firstSequence(commit), commit);
            }
            long windowEnd = cursor + size;
            BsonDocument commit;
            while ((commit = byFirst.get(cursor)) != null) {
                commits.add(commit);
                cursor = lastSequence(commit) + 1;
            }
            if (cursor >= windowEnd) {
                size = Math.min(MAX_WINDOW, size * 4);
                continue;
            }
            // No commit starts at cursor: the record ends here, or (for a verifier) a commit is missing.
            if (lookahead == 0) {
                return commits;
            }
            long hole = cursor;
            long beyond = byFirst.keySet().stream().filter(s -> s > hole).min(Long::compare).orElse(-1L);
            if (beyond >= 0) {
                cursor = beyond;
                continue;
            }
            if (probesLeft-- <= 0) {
                return commits;
            }
            cursor = windowEnd;
        }
    }
}
