package org.ecoledger.core.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.LogLeaf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_ID;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_KEY;
import static org.ecoledger.core.store.LedgerSchema.EVENTS_FIELD;
import static org.ecoledger.core.store.LedgerSchema.GLOBAL_INDEX;
import static org.ecoledger.core.store.LedgerSchema.HASH;
import static org.ecoledger.core.store.LedgerSchema.HEAD_HINT_ID;
import static org.ecoledger.core.store.LedgerSchema.ID;
import static org.ecoledger.core.store.LedgerSchema.SEQUENCE;

/**
 * The stored events read in global-index order, for the transparency log: the leaf of every event
 * (docs/transparency-log.md section 1), the end of the stored log, and one entry of a record. Every read is an
 * exact-key or {@code $in} lookup on {@code _id} or {@code ak} (docs/event-store.md, "Why only exact-key lookups").
 * Nothing is deserialized into domain objects.
 */
public final class StoredEventLog {

    /** The most leaves one call of {@link #leaves} returns. */
    public static final int MAX_LEAVES_PER_READ = 1_000;

    private final CommitLog commitLog;
    private final MongoCollection<BsonDocument> meta;

    public StoredEventLog(MongoDatabase database) {
        this(database, KeyedReads.overDriver(database));
    }

    /** Reads the commits with {@code reads} (the embedded store's own maps, in its process). */
    public StoredEventLog(MongoDatabase database, KeyedReads reads) {
        this.commitLog = new CommitLog(reads);
        this.meta = database.getCollection(LedgerSchema.META, BsonDocument.class);
    }

    /**
     * The leaves of the stored events from global index {@code from} on, in order, at most {@code max} (bounded by
     * {@link #MAX_LEAVES_PER_READ}); fewer when the stored events end (or have a hole) before.
     *
     * @throws MalformedStoredEventException when a stored event lacks a field a leaf needs
     * @throws StoreUnavailableException     when the store cannot be read
     */
    public List<LogLeaf> leaves(long from, int max) {
        List<LogLeaf> leaves = new ArrayList<>();
        read(from, max, (commit, event, leaf) -> leaves.add(leaf));
        return leaves;
    }

    /**
     * The stored events from global index {@code from} on, in order, at most {@code max} (bounded by
     * {@link #MAX_LEAVES_PER_READ}), each with its leaf and, for its record's chain, the entry exactly as stored; one
     * read serves both the log and the chains (the whole-ledger audit). The entry is null when the event lacks a
     * field the chain needs, or when its commit is not where the record's reads look for it (its aggregate key is not
     * the record's id and first sequence): then only a read of the record by its keys ({@link RecordVerifier}) can
     * say what is wrong.
     *
     * @throws MalformedStoredEventException when a stored event lacks a field a leaf needs
     * @throws StoreUnavailableException     when the store cannot be read
     */
    public List<LoggedEvent> events(long from, int max) {
        List<LoggedEvent> events = new ArrayList<>();
        read(from, max, (commit, event, leaf) -> events.add(new LoggedEvent(leaf, chainEntry(commit, event, leaf))));
        return events;
    }

    /** A stored event as the audit reads it: its leaf, and its entry exactly as stored (null, see {@link #events}). */
    public record LoggedEvent(LogLeaf leaf, StoredEntry entry) {
    }

    private static StoredEntry chainEntry(BsonDocument commit, BsonDocument event, LogLeaf leaf) {
        BsonValue key = commit.get(AGGREGATE_KEY);
        try {
            if (key == null || !key.isString() || !key.asString().getValue().equals(
                    LedgerSchema.aggregateKey(leaf.aggregateId(), CommitLog.firstSequence(commit)))) {
                return null;
            }
            return RecordVerifier.toStoredEntry(commit, event);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @FunctionalInterface
    private interface EventSink {
        void take(BsonDocument commit, BsonDocument event, LogLeaf leaf);
    }

    private void read(long from, int max, EventSink sink) {
        if (from < 0) {
            throw new IllegalArgumentException("global index must be >= 0, was " + from);
        }
        int limit = Math.max(0, Math.min(max, MAX_LEAVES_PER_READ));
        if (limit == 0) {
            return;
        }
        try {
            BsonDocument first = commitLog.holdingIndex(from);
            if (first == null) {
                return;
            }
            long cursor = take(first, from, from + limit, sink);
            while (cursor < from + limit) {
                Map<Long, BsonDocument> found = commitLog.startingIn(cursor, (int) Math.min(
                        LedgerEventStorageEngine.STREAM_BATCH_SIZE, from + limit - cursor));
                BsonDocument commit = found.get(cursor);
                if (commit == null) {
                    break;
                }
                while (commit != null && cursor < from + limit) {
                    cursor = take(commit, cursor, from + limit, sink);
                    commit = found.get(cursor);
                }
            }
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading the log from global index "
                                                        + from, e);
        }
    }

    /** Hands the events of {@code commit} in [from, until) to the sink; returns the commit's end. */
    private static long take(BsonDocument commit, long from, long until, EventSink sink) {
        String aggregateId = commit.getString(AGGREGATE_ID, new org.bson.BsonString("")).getValue();
        for (BsonValue value : commit.getArray(EVENTS_FIELD, new org.bson.BsonArray())) {
            BsonDocument event = value.asDocument();
            long globalIndex = field(commit, event, GLOBAL_INDEX);
            if (globalIndex < from || globalIndex >= until) {
                continue;
            }
            BsonValue hash = event.get(HASH);
            if (hash == null || !hash.isString() || aggregateId.isEmpty()) {
                throw new MalformedStoredEventException(globalIndex, "it has no " + (aggregateId.isEmpty()
                        ? "aggregateId" : "hash") + " as text");
            }
            sink.take(commit, event, new LogLeaf(aggregateId, globalIndex, hash.asString().getValue(),
                                                 field(commit, event, SEQUENCE)));
        }
        return CommitLog.end(commit);
    }

    private static long field(BsonDocument commit, BsonDocument event, String name) {
        BsonValue value = event.get(name);
        try {
            return BsonJson.toLong(value);
        } catch (RuntimeException e) {
            long start = BsonJson.toLong(commit.get(ID));
            throw new MalformedStoredEventException(start, "an event of the commit starting at global index " + start
                    + " has no integer " + name);
        }
    }

    /**
     * The global index at which the next commit will start: the number of stored events, if the log has no hole.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public long end() {
        try {
            BsonDocument hint = meta.find(Filters.eq(ID, HEAD_HINT_ID)).first();
            return commitLog.endOfLog(hint == null ? 0 : BsonJson.toLong(hint.get("next")));
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while finding the end of the log", e);
        }
    }

    /**
     * Event {@code sequence} of record {@code aggregateId} exactly as stored, if there is one.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public Optional<StoredEntry> entry(String aggregateId, long sequence) {
        if (sequence < 0) {
            return Optional.empty();
        }
        BsonDocument commit;
        try {
            commit = commitLog.containing(aggregateId, sequence);
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading record " + aggregateId, e);
        }
        if (commit == null) {
            return Optional.empty();
        }
        for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
            BsonDocument event = value.asDocument();
            if (BsonJson.toLong(event.get(SEQUENCE)) == sequence) {
                return Optional.of(RecordVerifier.toStoredEntry(commit, event));
            }
        }
        return Optional.empty();
    }
}
