package org.ecoledger.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.util.Objects.requireNonNull;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_ID;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_KEY;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_TYPE;
import static org.ecoledger.core.store.LedgerSchema.COUNT;
import static org.ecoledger.core.store.LedgerSchema.EVENTS_FIELD;
import static org.ecoledger.core.store.LedgerSchema.EVENT_ID;
import static org.ecoledger.core.store.LedgerSchema.FIRST_SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.GLOBAL_INDEX;
import static org.ecoledger.core.store.LedgerSchema.HASH;
import static org.ecoledger.core.store.LedgerSchema.HEAD_HINT_ID;
import static org.ecoledger.core.store.LedgerSchema.ID;
import static org.ecoledger.core.store.LedgerSchema.LAST_SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.METADATA;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_REVISION;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_TYPE;
import static org.ecoledger.core.store.LedgerSchema.PREV_HASH;
import static org.ecoledger.core.store.LedgerSchema.SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.TIMESTAMP;

/**
 * The ledger's own Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on the MongoDB
 * driver, for the embedded server and a real MongoDB alike.
 *
 * <h2>Guarantees, and how each is built</h2>
 * <ul>
 *   <li><b>All or nothing, without transactions.</b> The events of one unit of work are stored as one document
 *   (a commit), the only atomic unit both stores share. A crash leaves the commit wholly there or not at all.</li>
 *   <li><b>A gap-free global index.</b> A commit's {@code _id} is the global index of its first event; its events
 *   take the next {@code count} indexes. A writer inserts its commit exactly at the end of the last commit it
 *   knows; the unique {@code _id} makes a second writer at the same place fail, and it then walks forward to the
 *   real end and tries again. So every commit starts where an existing commit ends: no hole, no overlap, and an
 *   index never changes. A slot is taken only by writing the commit, so a crash cannot leave a hole.</li>
 *   <li><b>No forked record.</b> The unique key {@code ak = <aggregateId>#<firstSequence>} makes two commits that
 *   continue a record from the same point collide; the loser gets Axon's {@link ConcurrencyException}, on this node
 *   or another.</li>
 *   <li><b>A hash chain per record.</b> Each stored event carries {@code prevHash} and {@code hash} over its
 *   canonical encoding ({@link EntryHasher}); the chain is computed here, at the single place events are written.</li>
 *   <li><b>Acknowledged means durable.</b> {@link StoreDurability#awaitDurable()} runs before an append returns.</li>
 *   <li><b>Processors see only durable events.</b> {@link StoreDurability#awaitReadsDurable()} runs after a batch
 *   the stream reads and before it hands the batch out, unless every event of it is already known durable, so
 *   nothing a processor stores (a view entry, a log leaf, its token) can outlive, in a crash, the event it was
 *   derived from.</li>
 *   <li><b>Exact-key reads only.</b> Loading a record, continuing its chain and streaming to processors are
 *   {@code $in} lookups on {@code _id} or {@code ak}, so none of them slows down as the store grows.</li>
 * </ul>
 * One unit of work appends to one record (the ledger's commands each touch one aggregate); this is checked.
 */
public class LedgerEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(LedgerEventStorageEngine.class);

    /** The most events one unit of work may append; bounds a commit document and every backward probe. */
    public static final int MAX_EVENTS_PER_COMMIT = 1_000;
    /** The most events a processor's stream fetches in one query. */
    public static final int STREAM_BATCH_SIZE = 128;
    /** The first window of a processor's stream when it is at the end of the log; grows while batches fill it. */
    static final int STREAM_PROBE_SIZE = 8;
    /** How often (in global indexes) the head hint in {@code ledger_meta} is moved forward. */
    static final int HEAD_HINT_INTERVAL = 1_024;
    /** How many records' heads are remembered to continue chains without a read. */
    static final int RECORD_HEADS_CACHED = 50_000;
    /** How often one append may lose the race for a global slot to another node before giving up. */
    static final int MAX_SLOT_ATTEMPTS = 10_000;

    private static final DateTimeFormatter TIMESTAMP_FORMAT = DateTimeFormatter.ISO_INSTANT;

    private final MongoCollection<BsonDocument> events;
    private final CommitLog commitLog;
    private final MongoCollection<BsonDocument> snapshots;
    private final MongoCollection<BsonDocument> meta;
    private final StoreDurability durability;
    private final EntryHasher hasher;
    private final RecordHeads heads = new RecordHeads(RECORD_HEADS_CACHED);

    /** Serializes this node's inserts so that it never leaves a slot empty behind another of its own commits. */
    private final ReentrantLock appendLock = new ReentrantLock();
    /** Guarded by appendLock: where this node believes the next commit starts; -1 when unknown. */
    private long nextGlobalIndex = -1;
    /**
     * Every event below this global index is known to be durable: a read barrier of this node's stream, or an append of
     * this node acknowledged as durable, came after it was stored (the index has no hole, so everything below a stored
     * event was stored before it). A stream that reads only events below it needs no barrier: a replay, or the views
     * following this node's own appends.
     */
    private final AtomicLong durableEnd = new AtomicLong();

    protected LedgerEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(LedgerSchema.EVENTS, BsonDocument.class);
        this.commitLog = new CommitLog(builder.keyedReads != null ? builder.keyedReads
                                               : KeyedReads.overDriver(builder.database));
        this.snapshots = builder.database.getCollection(LedgerSchema.SNAPSHOTS, BsonDocument.class);
        this.meta = builder.database.getCollection(LedgerSchema.META, BsonDocument.class);
        this.durability = builder.durability;
        this.hasher = new EntryHasher(builder.hashAlgorithm);
    }

    public static Builder builder() {
        return new Builder();
    }

    public HashAlgorithm hashAlgorithm() {
        return hasher.algorithm();
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> batch = checkOneRecord(messages);
        DomainEventMessage<?> first = batch.get(0);
        String aggregateId = first.getAggregateIdentifier();
        String aggregateType = first.getType();
        long firstSequence = first.getSequenceNumber();

        List<PreparedEvent> prepared = new ArrayList<>(batch.size());
        for (DomainEventMessage<?> message : batch) {
            SerializedObject<JsonNode> payload = serializer.serialize(message.getPayload(), JsonNode.class);
            SerializedObject<JsonNode> metadata = serializer.serialize(message.getMetaData(), JsonNode.class);
            prepared.add(new PreparedEvent(message, payload.getType().getName(), payload.getType().getRevision(),
                                           TIMESTAMP_FORMAT.format(message.getTimestamp()), payload.getData(),
                                           metadata.getData()));
        }

        String prevHash;
        try {
            prevHash = previousHash(aggregateId, firstSequence, first);
        } catch (MongoException e) {
            throw unavailable("reading the head of record " + aggregateId, e);
        }

        BsonDocument commit;
        appendLock.lock();
        try {
            commit = insertCommit(aggregateType, aggregateId, firstSequence, prevHash, prepared);
        } finally {
            appendLock.unlock();
        }
        BsonArray stored = commit.getArray(EVENTS_FIELD);
        BsonDocument last = stored.get(stored.size() - 1).asDocument();
        heads.advance(aggregateId, BsonJson.toLong(last.get(SEQUENCE)), last.getString(HASH).getValue());
        durability.awaitDurable();
        durableEnd.accumulateAndGet(CommitLog.end(commit), Math::max);
    }

    private record PreparedEvent(DomainEventMessage<?> message, String payloadType, String payloadRevision,
                                 String timestamp, JsonNode payload, JsonNode metadata) {
    }

    private static List<DomainEventMessage<?>> checkOneRecord(List<? extends EventMessage<?>> messages) {
        if (messages.size() > MAX_EVENTS_PER_COMMIT) {
            throw new EventStoreException("A unit of work may append at most " + MAX_EVENTS_PER_COMMIT
                                                  + " events; it tried " + messages.size());
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>(messages.size());
        DomainEventMessage<?> first = null;
        for (EventMessage<?> message : messages) {
            if (!(message instanceof DomainEventMessage<?> domain) || domain.getAggregateIdentifier() == null) {
                throw new EventStoreException("The ledger stores only events of a record (an aggregate); "
                                                      + message.getPayloadType().getName() + " has none");
            }
            if (first == null) {
                first = domain;
            } else if (!first.getAggregateIdentifier().equals(domain.getAggregateIdentifier())) {
                throw new EventStoreException("One unit of work may append to one record only; it touched "
                                                      + first.getAggregateIdentifier() + " and "
                                                      + domain.getAggregateIdentifier());
            } else if (domain.getSequenceNumber() != first.getSequenceNumber() + batch.size()) {
                throw new EventStoreException("Sequence numbers of record " + first.getAggregateIdentifier()
                                                      + " must be consecutive; got " + domain.getSequenceNumber()
                                                      + " after " + (first.getSequenceNumber() + batch.size() - 1));
            }
            batch.add(domain);
        }
        return batch;
    }

    /** The hash the new commit links to: the stored hash of event {@code firstSequence - 1} of the record. */
    private String previousHash(String aggregateId, long firstSequence, DomainEventMessage<?> first) {
        if (firstSequence == 0) {
            return hasher.genesisHash();
        }
        RecordHeads.Head cached = heads.get(aggregateId);
        if (cached != null && cached.sequence() == firstSequence - 1) {
            return cached.hash();
        }
        BsonDocument containing = commitLog.containing(aggregateId, firstSequence - 1);
        if (containing == null) {
            throw new EventStoreException("Record " + aggregateId + " has no stored event at sequence "
                                                  + (firstSequence - 1) + ", so event " + firstSequence
                                                  + " cannot be chained to it");
        }
        if (BsonJson.toLong(containing.get(LAST_SEQUENCE)) != firstSequence - 1) {
            throw new ConcurrencyException("An event for aggregate [" + aggregateId + "] at sequence ["
                                                   + firstSequence + "] was already inserted");
        }
        BsonArray stored = containing.getArray(EVENTS_FIELD);
        return stored.get(stored.size() - 1).asDocument().getString(HASH).getValue();
    }

    /** Called with appendLock held. Inserts the commit at the end of the global log, retrying lost races. */
    private BsonDocument insertCommit(String aggregateType, String aggregateId, long firstSequence, String prevHash,
                                      List<PreparedEvent> prepared) {
        String aggregateKey = LedgerSchema.aggregateKey(aggregateId, firstSequence);
        for (int attempt = 0; attempt < MAX_SLOT_ATTEMPTS; attempt++) {
            long start;
            try {
                start = nextGlobalIndex >= 0 ? nextGlobalIndex : commitLog.endOfLog(headHint());
            } catch (MongoException e) {
                throw unavailable("finding the end of the log", e);
            }
            BsonDocument commit = commitDocument(aggregateType, aggregateId, aggregateKey, firstSequence, start,
                                                 prevHash, prepared);
            try {
                events.insertOne(commit);
                nextGlobalIndex = start + prepared.size();
                moveHeadHint(start, nextGlobalIndex);
                return commit;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    nextGlobalIndex = -1;
                    throw new EventStoreException("The store refused the commit of record " + aggregateId, e);
                }
                try {
                    BsonDocument rival = events.find(Filters.eq(AGGREGATE_KEY, aggregateKey)).first();
                    if (rival != null) {
                        if (isSameCommit(rival, prepared)) {
                            // Our own earlier attempt landed (a retried write): it is stored exactly once.
                            nextGlobalIndex = -1;
                            return rival;
                        }
                        throw concurrencyFailure(aggregateId, firstSequence, e);
                    }
                    // Another writer took this global slot: walk to the real end of the log and try again, from
                    // the shared hint when the other writers have moved it past our own position.
                    long hint = headHint();
                    nextGlobalIndex = commitLog.endOfLog(hint > start ? hint : start);
                } catch (MongoException lookup) {
                    nextGlobalIndex = -1;
                    throw unavailable("resolving a write conflict on record " + aggregateId, lookup);
                }
            } catch (MongoException e) {
                // The outcome is unknown; the next append re-discovers the end of the log (a landed commit
                // then shows as a taken slot).
                nextGlobalIndex = -1;
                throw unavailable("appending to record " + aggregateId, e);
            }
        }
        throw new StoreUnavailableException("Could not find a free slot at the end of the log after "
                                                    + MAX_SLOT_ATTEMPTS + " attempts", null);
    }

    private static boolean isSameCommit(BsonDocument stored, List<PreparedEvent> prepared) {
        BsonArray storedEvents = stored.getArray(EVENTS_FIELD);
        return storedEvents.size() == prepared.size()
                && storedEvents.get(0).asDocument().getString(EVENT_ID).getValue()
                               .equals(prepared.get(0).message().getIdentifier());
    }

    private static RuntimeException concurrencyFailure(String aggregateId, long firstSequence,
                                                           Exception cause) {
        if (firstSequence == 0) {
            return new AggregateStreamCreationException(
                    "Cannot reuse aggregate identifier [" + aggregateId + "]: a record with it already exists",
                    cause);
        }
        // No cause: the command gateway retries a lost race, and its retry scheduler judges every exception in the
        // chain; the driver's duplicate-key exception below it would read as a store failure and stop the retry.
        return new ConcurrencyException("An event for aggregate [" + aggregateId + "] at sequence ["
                                                + firstSequence + "] was already inserted");
    }

    private BsonDocument commitDocument(String aggregateType, String aggregateId, String aggregateKey,
                                        long firstSequence, long start, String prevHash,
                                        List<PreparedEvent> prepared) {
        BsonArray stored = new BsonArray();
        String link = prevHash;
        for (int i = 0; i < prepared.size(); i++) {
            PreparedEvent event = prepared.get(i);
            long sequence = firstSequence + i;
            long globalIndex = start + i;
            ChainEntry entry = new ChainEntry(aggregateType, aggregateId, sequence, globalIndex,
                                              event.message().getIdentifier(), event.payloadType(),
                                              event.payloadRevision(), event.timestamp(), event.payload(),
                                              event.metadata(), link);
            String hash = entryHash(entry);
            stored.add(new BsonDocument(GLOBAL_INDEX, new BsonInt64(globalIndex))
                               .append(SEQUENCE, new BsonInt64(sequence))
                               .append(EVENT_ID, new BsonString(entry.eventId()))
                               .append(PAYLOAD_TYPE, new BsonString(entry.payloadType()))
                               .append(PAYLOAD_REVISION, entry.payloadRevision() == null
                                       ? BsonNull.VALUE : new BsonString(entry.payloadRevision()))
                               .append(TIMESTAMP, new BsonString(entry.timestamp()))
                               .append(PAYLOAD, BsonJson.toBson(entry.payload()))
                               .append(METADATA, BsonJson.toBsonDocument(entry.metadata()))
                               .append(PREV_HASH, new BsonString(link))
                               .append(HASH, new BsonString(hash)));
            link = hash;
        }
        return new BsonDocument(ID, new BsonInt64(start))
                .append(AGGREGATE_TYPE, new BsonString(aggregateType))
                .append(AGGREGATE_ID, new BsonString(aggregateId))
                .append(AGGREGATE_KEY, new BsonString(aggregateKey))
                .append(FIRST_SEQUENCE, new BsonInt64(firstSequence))
                .append(LAST_SEQUENCE, new BsonInt64(firstSequence + prepared.size() - 1))
                .append(COUNT, new BsonInt32(prepared.size()))
                .append(EVENTS_FIELD, stored);
    }

    /**
     * The hash of one entry of the chain ({@link EntryHasher#hash}). BENCHMARK-ONLY seam: the benchmark harness
     * (module {@code benchmarks}, metric {@code append.chain_overhead}) overrides it in a subclass of its own to time
     * the same appends without the chain; nothing in the product overrides it, and no setting reaches it.
     */
    protected String entryHash(ChainEntry entry) {
        return hasher.hash(entry);
    }

    // ------------------------------------------------------------------------------------- the end of the log

    private long headHint() {
        BsonDocument hint = meta.find(Filters.eq(ID, HEAD_HINT_ID)).first();
        return hint == null ? 0 : BsonJson.toLong(hint.get("next"));
    }

    /** Moves the hint forward now and then; it shortens the walk to the end of the log at start-up and after other writers have appended. */
    private void moveHeadHint(long start, long end) {
        if (start / HEAD_HINT_INTERVAL == end / HEAD_HINT_INTERVAL) {
            return;
        }
        try {
            meta.updateOne(Filters.eq(ID, HEAD_HINT_ID), Updates.max("next", end), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            log.warn("Could not move the head hint to {} (harmless: the log's end is found by walking)", end, e);
        }
    }

    // ------------------------------------------------------------------------------------- reading a record

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequence) {
        List<BsonDocument> commits;
        try {
            commits = commitLog.ofRecord(aggregateId, firstSequence, loadWindow(aggregateId, firstSequence), 0);
        } catch (MongoException e) {
            throw unavailable("loading record " + aggregateId, e);
        }
        List<StoredEventData> result = new ArrayList<>();
        BsonDocument lastEvent = null;
        for (BsonDocument commit : commits) {
            for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
                BsonDocument event = value.asDocument();
                lastEvent = event;
                if (BsonJson.toLong(event.get(SEQUENCE)) >= firstSequence) {
                    result.add(toEventData(commit, event, false));
                }
            }
        }
        if (lastEvent != null) {
            heads.advance(aggregateId, BsonJson.toLong(lastEvent.get(SEQUENCE)), lastEvent.getString(HASH).getValue());
        }
        return result.stream();
    }

    /** A first window just wide enough for what is known of the record's head, so a load is usually one query. */
    private int loadWindow(String aggregateId, long firstSequence) {
        RecordHeads.Head known = heads.get(aggregateId);
        if (known == null || known.sequence() < firstSequence) {
            return CommitLog.PROBE_WINDOW;
        }
        // The known events and one more key, which shows whether the record grew since (on another node).
        return (int) Math.min(CommitLog.MAX_WINDOW, known.sequence() - firstSequence + 2);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        List<BsonDocument> commits;
        try {
            RecordHeads.Head known = heads.get(aggregateId);
            long from = known == null ? 0 : known.sequence();
            commits = commitLog.ofRecord(aggregateId, from, CommitLog.PROBE_WINDOW, 0);
        } catch (MongoException e) {
            throw unavailable("finding the head of record " + aggregateId, e);
        }
        if (commits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BsonJson.toLong(commits.get(commits.size() - 1).get(LAST_SEQUENCE)));
    }

    private static StoredEventData toEventData(BsonDocument commit, BsonDocument event, boolean tracked) {
        long globalIndex = BsonJson.toLong(event.get(GLOBAL_INDEX));
        BsonValue revision = event.get(PAYLOAD_REVISION);
        return new StoredEventData(tracked ? new GlobalSequenceTrackingToken(globalIndex) : null,
                                   commit.getString(AGGREGATE_TYPE).getValue(),
                                   commit.getString(AGGREGATE_ID).getValue(),
                                   BsonJson.toLong(event.get(SEQUENCE)),
                                   event.getString(EVENT_ID).getValue(),
                                   Instant.parse(event.getString(TIMESTAMP).getValue()),
                                   event.getString(PAYLOAD_TYPE).getValue(),
                                   revision == null || revision.isNull() ? null : revision.asString().getValue(),
                                   event.get(PAYLOAD), event.get(METADATA));
    }

    // ------------------------------------------------------------------------------- streaming to processors

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        long next;
        if (token == null) {
            next = 0;
        } else if (token instanceof GlobalSequenceTrackingToken global) {
            next = global.getGlobalIndex() + 1;
        } else {
            throw new IllegalArgumentException("The ledger tracks with GlobalSequenceTrackingToken, not "
                                                       + token.getClass().getName());
        }
        return StreamSupport.stream(new TrackedSpliterator(next), false);
    }

    /** Streams the log from a global index on, a batch at a time, until it reaches the current end. */
    private final class TrackedSpliterator extends Spliterators.AbstractSpliterator<StoredEventData> {

        private final Deque<StoredEventData> buffer = new ArrayDeque<>();
        private int window = STREAM_PROBE_SIZE;
        private long cursor;
        private boolean exhausted;
        private boolean resumed;

        TrackedSpliterator(long next) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.cursor = next;
        }

        @Override
        public boolean tryAdvance(Consumer<? super StoredEventData> action) {
            if (buffer.isEmpty() && !exhausted) {
                try {
                    fetch();
                } catch (MongoException e) {
                    throw unavailable("streaming the log from global index " + cursor, e);
                }
            }
            StoredEventData next = buffer.poll();
            if (next == null) {
                return false;
            }
            action.accept(next);
            return true;
        }

        private void fetch() {
            long from = cursor;
            Map<Long, BsonDocument> found = commitLog.startingIn(cursor, window);
            if (!resumed) {
                resumed = true;
                if (!found.containsKey(cursor) && cursor > 0) {
                    // The token may point into the middle of a commit (a processor stopped within a batch).
                    BsonDocument holding = commitLog.holdingIndex(cursor);
                    if (holding != null) {
                        take(holding);
                        from = cursor;
                        found = commitLog.startingIn(cursor, window);
                    }
                }
            }
            BsonDocument commit;
            while ((commit = found.get(cursor)) != null) {
                take(commit);
            }
            // A window that was walked to its end suggests more follow: widen it; otherwise start small again.
            window = cursor >= from + window ? Math.min(STREAM_BATCH_SIZE, window * 4) : STREAM_PROBE_SIZE;
            if (buffer.isEmpty()) {
                exhausted = true;
            } else if (cursor > durableEnd.get()) {
                // A reader sees a commit before it is durable; a processor handed it now could store a view entry,
                // a log leaf or its token that survives a crash the commit does not (docs/reliability.md).
                long read = cursor;
                durability.awaitReadsDurable();
                durableEnd.accumulateAndGet(read, Math::max);
            }
        }

        private void take(BsonDocument commit) {
            for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
                BsonDocument event = value.asDocument();
                if (BsonJson.toLong(event.get(GLOBAL_INDEX)) >= cursor) {
                    buffer.add(toEventData(commit, event, true));
                }
            }
            cursor = BsonJson.toLong(commit.get(ID)) + commit.getInt32(COUNT).getValue();
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long end;
        try {
            end = commitLog.endOfLog(headHint());
        } catch (MongoException e) {
            throw unavailable("finding the end of the log", e);
        }
        return end == 0 ? null : new GlobalSequenceTrackingToken(end - 1);
    }

    /** The position before the first event whose timestamp is at or after {@code dateTime} (binary search). */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try {
            long low = 0;
            long high = commitLog.endOfLog(headHint());
            while (low < high) {
                long middle = (low + high) >>> 1;
                if (timestampAt(middle).isBefore(dateTime)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
        } catch (MongoException e) {
            throw unavailable("finding the position at " + dateTime, e);
        }
    }

    private Instant timestampAt(long globalIndex) {
        BsonDocument commit = requireNonNull(commitLog.holdingIndex(globalIndex), "no commit holds " + globalIndex);
        int offset = (int) (globalIndex - BsonJson.toLong(commit.get(ID)));
        return Instant.parse(commit.getArray(EVENTS_FIELD).get(offset).asDocument().getString(TIMESTAMP).getValue());
    }

    // --------------------------------------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<JsonNode> payload = serializer.serialize(snapshot.getPayload(), JsonNode.class);
        SerializedObject<JsonNode> metadata = serializer.serialize(snapshot.getMetaData(), JsonNode.class);
        String aggregateId = snapshot.getAggregateIdentifier();
        Bson byId = Filters.eq(ID, aggregateId);
        try {
            BsonDocument existing = snapshots.find(byId).first();
            if (existing != null && BsonJson.toLong(existing.get(SEQUENCE)) >= snapshot.getSequenceNumber()) {
                return;
            }
            BsonDocument document = new BsonDocument(ID, new BsonString(aggregateId))
                    .append(AGGREGATE_TYPE, new BsonString(snapshot.getType()))
                    .append(SEQUENCE, new BsonInt64(snapshot.getSequenceNumber()))
                    .append(EVENT_ID, new BsonString(snapshot.getIdentifier()))
                    .append(PAYLOAD_TYPE, new BsonString(payload.getType().getName()))
                    .append(PAYLOAD_REVISION, payload.getType().getRevision() == null
                            ? BsonNull.VALUE : new BsonString(payload.getType().getRevision()))
                    .append(TIMESTAMP, new BsonString(TIMESTAMP_FORMAT.format(snapshot.getTimestamp())))
                    .append(PAYLOAD, BsonJson.toBson(payload.getData()))
                    .append(METADATA, BsonJson.toBson(metadata.getData()));
            snapshots.replaceOne(byId, document, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            // A snapshot is derived data; losing one only costs a longer load next time.
            log.warn("Could not store the snapshot of record {} at sequence {}", aggregateId,
                     snapshot.getSequenceNumber(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        BsonDocument snapshot;
        try {
            snapshot = snapshots.find(Filters.eq(ID, aggregateId)).first();
        } catch (MongoException e) {
            throw unavailable("reading the snapshot of record " + aggregateId, e);
        }
        if (snapshot == null) {
            return Stream.empty();
        }
        BsonValue revision = snapshot.get(PAYLOAD_REVISION);
        return Stream.of(new StoredEventData(null, snapshot.getString(AGGREGATE_TYPE).getValue(), aggregateId,
                                             BsonJson.toLong(snapshot.get(SEQUENCE)),
                                             snapshot.getString(EVENT_ID).getValue(),
                                             Instant.parse(snapshot.getString(TIMESTAMP).getValue()),
                                             snapshot.getString(PAYLOAD_TYPE).getValue(),
                                             revision == null || revision.isNull()
                                                     ? null : revision.asString().getValue(),
                                             snapshot.get(PAYLOAD), snapshot.get(METADATA)));
    }

    // ------------------------------------------------------------------------------------------------ errors

    private static StoreUnavailableException unavailable(String what, MongoException cause) {
        return new StoreUnavailableException("The store is unavailable while " + what + ": "
                                                     + cause.getClass().getSimpleName(), cause);
    }

    // ------------------------------------------------------------------------------------------------ builder

    /**
     * Builds the engine. The database, the hash algorithm and an event serializer that can write JSON trees
     * ({@code JacksonSerializer}) are required; durability defaults to {@link StoreDurability#NONE}.
     */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private KeyedReads keyedReads;
        private StoreDurability durability = StoreDurability.NONE;
        private HashAlgorithm hashAlgorithm;
        private Serializer eventSerializerForCheck;
        private Serializer snapshotSerializerForCheck;

        public Builder database(MongoDatabase database) {
            this.database = requireNonNull(database, "database");
            return this;
        }

        /**
         * How commits are read (records, the processors' stream); by default {@link KeyedReads#overDriver} on the
         * database. Writes always go through the database.
         */
        public Builder keyedReads(KeyedReads keyedReads) {
            this.keyedReads = requireNonNull(keyedReads, "keyedReads");
            return this;
        }

        public Builder durability(StoreDurability durability) {
            this.durability = requireNonNull(durability, "durability");
            return this;
        }

        public Builder hashAlgorithm(HashAlgorithm hashAlgorithm) {
            this.hashAlgorithm = requireNonNull(hashAlgorithm, "hashAlgorithm");
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            this.eventSerializerForCheck = eventSerializer;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            this.snapshotSerializerForCheck = snapshotSerializer;
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() {
            if (database == null) {
                throw new AxonConfigurationException("The ledger engine needs a MongoDatabase");
            }
            if (hashAlgorithm == null) {
                throw new AxonConfigurationException("The ledger engine needs the ledger's hash algorithm");
            }
            if (eventSerializerForCheck == null || !eventSerializerForCheck.canSerializeTo(JsonNode.class)) {
                throw new AxonConfigurationException(
                        "The ledger engine stores events as readable JSON documents: give it an event serializer "
                                + "that writes JSON trees (JacksonSerializer)");
            }
            if (snapshotSerializerForCheck == null) {
                snapshotSerializer(eventSerializerForCheck);
            } else if (!snapshotSerializerForCheck.canSerializeTo(JsonNode.class)) {
                throw new AxonConfigurationException("The snapshot serializer must write JSON trees too");
            }
            super.validate();
        }

        public LedgerEventStorageEngine build() {
            return new LedgerEventStorageEngine(this);
        }
    }
}
