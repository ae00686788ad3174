package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.NoteAddedEvent;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Reads by exact keys from the embedded store's maps in the application's process answer exactly what the same reads
 * through the driver answer, and an engine reading that way keeps the store's guarantees: a gap-free index, every
 * event streamed once and in order while other threads and another node append.
 */
class EmbeddedKeyedReadsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    EmbeddedMongoStore store;
    MongoClient client;
    MongoDatabase database;

    @BeforeEach
    void start() {
        store = EmbeddedMongoStore.start(dir, 0, EmbeddedMongoStore.WriteAcknowledgement.APPLIED,
                                         EmbeddedMongoStore.Sync.COMMIT);
        client = MongoClients.create(store.connectionString("ledger"));
        database = client.getDatabase("ledger");
    }

    @AfterEach
    void stop() {
        client.close();
        if (!store.mvStore().isClosed()) {
            store.close();
        }
    }

    LedgerEventStorageEngine engine(KeyedReads reads) {
        LedgerSchema.ensure(database, HashAlgorithm.SHA_256, CLOCK);
        return LedgerEventStorageEngine.builder()
                                       .database(database)
                                       .keyedReads(reads)
                                       .hashAlgorithm(HashAlgorithm.SHA_256)
                                       .eventSerializer(TestStore.serializer())
                                       .build();
    }

    static DomainEventMessage<?> note(String record, long sequence) {
        return new GenericDomainEventMessage<>("NoteRecord", record, sequence,
                                               new NoteAddedEvent("note " + sequence + " 记录", (int) sequence),
                                               MetaData.with("recordedBy", "tester"));
    }

    static final String EVENTS = LedgerSchema.EVENTS;

    static List<BsonDocument> byKey(KeyedReads reads, List<String> keys) {
        return reads.byUniqueKey(EVENTS, LedgerSchema.AGGREGATE_KEY_INDEX, "ak", keys);
    }

    @Test
    void everyLookup_findsExactlyTheDocumentsTheDriverFinds() {
        LedgerEventStorageEngine engine = engine(KeyedReads.overDriver(database));
        for (int r = 0; r < 5; r++) {
            String record = "record-" + r;
            engine.appendEvents(note(record, 0));
            engine.appendEvents(List.of(note(record, 1), note(record, 2), note(record, 3)));
            engine.appendEvents(note(record, 4));
        }
        // a document with every kind of BSON value, to hold the encoding to the driver's, type for type
        database.getCollection(LedgerSchema.EVENTS, BsonDocument.class).insertOne(
                new BsonDocument("_id", new BsonInt64(1_000))
                        .append("ak", new BsonString("odd#0"))
                        .append("int", new BsonInt32(7)).append("long", new BsonInt64(1L << 40))
                        .append("double", new BsonDouble(2.5)).append("yes", BsonBoolean.TRUE)
                        .append("nothing", BsonNull.VALUE)
                        .append("when", new BsonDateTime(1_700_000_000_123L))
                        .append("bytes", new BsonBinary(new byte[]{1, 2, 3}))
                        .append("decimal", new BsonDecimal128(Decimal128.parse("12.3400")))
                        .append("oid", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                        .append("nested", new BsonDocument("list", new BsonArray(List.of(
                                new BsonString("生态"), new BsonInt32(1), new BsonDocument("x", BsonNull.VALUE))))));
        // values the direct conversion leaves to the wire's way (encoder and decoder)
        database.getCollection(LedgerSchema.EVENTS, BsonDocument.class).insertOne(
                new BsonDocument("_id", new BsonInt64(1_001))
                        .append("ak", new BsonString("odd#1"))
                        .append("uuid", new BsonBinary(java.util.UUID.fromString(
                                "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60")))
                        .append("ts", new BsonTimestamp(1_700_000_000, 7))
                        .append("pattern", new BsonRegularExpression("^县.*", "i"))
                        .append("text", new BsonString("plain")));

        KeyedReads driver = KeyedReads.overDriver(database);
        KeyedReads direct = store.keyedReads("ledger");
        List<Long> starts = new ArrayList<>(LongStream.range(0, 30).boxed().toList());
        starts.add(1_000L);
        starts.add(1_001L);
        assertThat(direct.byId(EVENTS, starts)).hasSize(17)
                                               .containsExactlyInAnyOrderElementsOf(driver.byId(EVENTS, starts));
        for (long start : starts) {
            assertThat(direct.byId(EVENTS, List.of(start))).as("start %d", start)
                                                           .isEqualTo(driver.byId(EVENTS, List.of(start)));
        }
        List<String> keys = new ArrayList<>(List.of("odd#0", "odd#1", "missing#0", "record-0#1"));
        for (int r = 0; r < 5; r++) {
            for (int s = 0; s < 6; s++) {
                keys.add(LedgerSchema.aggregateKey("record-" + r, s));
            }
        }
        assertThat(byKey(direct, keys)).hasSize(17).containsExactlyInAnyOrderElementsOf(byKey(driver, keys));
        assertThat(direct.byId(EVENTS, List.of(1_000L)).get(0).get("oid"))
                .isEqualTo(new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")));
        assertThat(direct.byId(EVENTS, List.of())).isEmpty();
        assertThat(byKey(direct, List.of())).isEmpty();

        // text and 32-bit ids (the log's subtrees and meta are keyed by text)
        var other = database.getCollection("other", BsonDocument.class);
        other.insertOne(new BsonDocument("_id", new BsonString("0/5")).append("h", new BsonBinary(new byte[]{9})));
        other.insertOne(new BsonDocument("_id", new BsonInt32(5)).append("n", new BsonInt32(1)));
        List<Object> ids = List.of("0/5", "1/2", 5, 6L);
        assertThat(direct.byId("other", ids)).hasSize(2).containsExactlyInAnyOrderElementsOf(driver.byId("other", ids));
        assertThat(direct.byId("absent", ids)).isEmpty();
        assertThatThrownBy(() -> direct.byId("other", List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> driver.byId("other", List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void beforeTheCollectionExists_nothingIsFound_andNoMapIsCreated_afterADrop_theNewCollectionIsRead() {
        KeyedReads direct = store.keyedReads("ledger");
        String documents = LedgerH2Backend.documentsMapName("ledger", LedgerSchema.EVENTS);

        assertThat(direct.byId(EVENTS, List.of(0L, 1L))).isEmpty();
        assertThat(byKey(direct, List.of("record-0#0"))).isEmpty();
        assertThat(store.mvStore().hasMap(documents)).isFalse();

        engine(direct).appendEvents(note("record-0", 0));
        assertThat(direct.byId(EVENTS, List.of(0L))).singleElement()
                                              .satisfies(commit -> assertThat(commit.getString("ak").getValue())
                                                      .isEqualTo("record-0#0"));

        database.drop();
        assertThat(direct.byId(EVENTS, List.of(0L))).isEmpty();
        engine(direct).appendEvents(List.of(note("record-9", 0), note("record-9", 1)));
        assertThat(byKey(direct, List.of("record-9#0"))).singleElement()
                                                               .satisfies(commit -> assertThat(
                                                                       commit.getString("aggregateId").getValue())
                                                                       .isEqualTo("record-9"));
    }

    @Test
    void anEngineReadingTheMaps_keepsTheIndexGapFree_andStreamsEveryEventOnce_whileTwoNodesAppend() throws Exception {
        // the foundation's 8 threads × 1,000 appends over 10 records, on the reads the application uses by default
        int threads = 8;
        int perThread = 1_000;
        int records = 10;
        LedgerEventStorageEngine direct = engine(store.keyedReads("ledger"));
        LedgerEventStorageEngine[] nodes = {direct, engine(KeyedReads.overDriver(database))};
        AtomicBoolean appending = new AtomicBoolean(true);
        List<Long> tailed = new ArrayList<>();
        Map<String, Long> lastSequenceSeen = new ConcurrentHashMap<>();
        AtomicInteger outOfOrder = new AtomicInteger();
        Thread tail = new Thread(() -> {
            TrackingToken token = null;
            while (true) {
                boolean last = !appending.get();
                List<? extends TrackedEventMessage<?>> batch = direct.readEvents(token, false).toList();
                for (TrackedEventMessage<?> message : batch) {
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    tailed.add(((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex());
                    Long before = lastSequenceSeen.put(event.getAggregateIdentifier(), event.getSequenceNumber());
                    if (event.getSequenceNumber() != (before == null ? 0 : before + 1)) {
                        outOfOrder.incrementAndGet();
                    }
                    token = message.trackingToken();
                }
                if (last && batch.isEmpty()) {
                    return;
                }
            }
        }, "tail");
        tail.start();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                LedgerEventStorageEngine node = nodes[thread % 2];
                for (int i = 0; i < perThread; i++) {
                    String record = "record-" + ((thread + i) % records);
                    while (true) {
                        long next = node.lastSequenceNumberFor(record).map(s -> s + 1).orElse(0L);
                        try {
                            node.appendEvents(note(record, next));
                            break;
                        } catch (ConcurrencyException | AggregateStreamCreationException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            appending.set(false);
            pool.shutdown();
            tail.join(TimeUnit.MINUTES.toMillis(2));
        }
        assertThat(tail.isAlive()).isFalse();
        assertThat(conflicts.get()).as("the threads really raced for the same records").isPositive();

        List<Long> all = LongStream.range(0, threads * perThread).boxed().toList();
        assertThat(tailed).as("streamed while the appends ran").containsExactlyElementsOf(all);
        assertThat(outOfOrder.get()).isZero();
        Map<String, List<Long>> sequences = new HashMap<>();
        for (String record : lastSequenceSeen.keySet()) {
            direct.readEvents(record).asStream()
                  .forEach(event -> sequences.computeIfAbsent(record, k -> new ArrayList<>())
                                             .add(event.getSequenceNumber()));
        }
        assertThat(sequences).hasSize(records);
        sequences.values().forEach(list -> assertThat(list).containsExactlyElementsOf(
                LongStream.range(0, list.size()).boxed().toList()));
        assertThat(sequences.values().stream().mapToInt(List::size).sum()).isEqualTo(threads * perThread);
    }

    /**
     * mongo-java-server writes a document and its index entries as separate map changes; an MVStore commit between
     * them, the last before a crash, leaves the document in its map without its {@code _id} entry. Such a document is
     * invisible to queries through the server, and must be here too: the direct reads go through the index.
     */
    @Test
    void aDocumentHeldWithoutItsIndexEntry_isInvisible_asThroughTheServer() {
        engine(KeyedReads.overDriver(database)).appendEvents(note("record-0", 0));
        de.bwaldvogel.mongo.bson.Document orphan = new de.bwaldvogel.mongo.bson.Document("_id", 1L);
        orphan.put("ak", "record-0#1");
        LedgerH2Backend.openDocuments(store.mvStore(), LedgerH2Backend.documentsMapName("ledger", EVENTS))
                       .put(1L, orphan);
        KeyedReads direct = store.keyedReads("ledger");
        KeyedReads driver = KeyedReads.overDriver(database);

        assertThat(direct.byId(EVENTS, List.of(0L, 1L))).hasSize(1).isEqualTo(driver.byId(EVENTS, List.of(0L, 1L)));
        assertThat(byKey(direct, List.of("record-0#1"))).isEmpty();
    }

    @Test
    void aClosedStore_isAMongoException_asThroughTheDriver() {
        engine(KeyedReads.overDriver(database)).appendEvents(note("record-0", 0));
        KeyedReads direct = store.keyedReads("ledger");
        assertThat(direct.byId(EVENTS, List.of(0L))).hasSize(1);
        store.close();
        assertThatThrownBy(() -> direct.byId(EVENTS, List.of(0L))).isInstanceOf(MongoException.class)
                                                             .hasMessageContaining("embedded store");
        assertThatThrownBy(() -> byKey(direct, List.of("record-0#0"))).isInstanceOf(MongoException.class);
    }
}
