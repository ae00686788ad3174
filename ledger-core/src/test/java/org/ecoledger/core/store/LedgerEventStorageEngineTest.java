package org.ecoledger.core.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonDocument;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.store.Appender.note;
import static org.ecoledger.core.store.Appender.notes;

class LedgerEventStorageEngineTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    TestStore store;
    LedgerEventStorageEngine engine;

    static LedgerEventStorageEngine engineOn(MongoDatabase database) {
        LedgerSchema.ensure(database, HashAlgorithm.SHA_256, CLOCK);
        return LedgerEventStorageEngine.builder()
                                       .database(database)
                                       .hashAlgorithm(HashAlgorithm.SHA_256)
                                       .eventSerializer(TestStore.serializer())
                                       .build();
    }

    @BeforeEach
    void start() {
        store = TestStore.inMemory();
        engine = engineOn(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    List<DomainEventMessage<?>> readRecord(LedgerEventStorageEngine e, String id) {
        List<DomainEventMessage<?>> list = new ArrayList<>();
        e.readEvents(id).asStream().forEach(list::add);
        return list;
    }

    List<TrackedEventMessage<?>> stream(LedgerEventStorageEngine e, TrackingToken from) {
        return e.readEvents(from, false).collect(Collectors.toList());
    }

    static long index(TrackedEventMessage<?> message) {
        return ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
    }

    @Nested
    class Appending {

        @Test
        void appendedEvents_readBackInOrder_withPayloadAndMetadata() {
            engine.appendEvents(notes("r1", 0, 3));
            engine.appendEvents(note("r1", 3, "fourth"));

            List<DomainEventMessage<?>> events = readRecord(engine, "r1");
            assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
            assertThat(events.get(3).getPayload()).isEqualTo(new NoteAddedEvent("fourth", 3));
            assertThat(events.get(3).getMetaData()).containsEntry("recordedBy", "tester");
            assertThat(events.get(0).getType()).isEqualTo(Appender.TYPE);
        }

        @Test
        void aUnitOfWork_isStoredAsOneDocument_withReadableJsonAndChainFields() {
            engine.appendEvents(notes("r1", 0, 3));

            List<BsonDocument> commits = store.database().getCollection(LedgerSchema.EVENTS, BsonDocument.class)
                                              .find().into(new ArrayList<>());
            assertThat(commits).hasSize(1);
            BsonDocument commit = commits.get(0);
            assertThat(commit.getInt64("_id").getValue()).isZero();
            assertThat(commit.getString("ak").getValue()).isEqualTo("r1#0");
            assertThat(commit.getInt32("count").getValue()).isEqualTo(3);
            BsonDocument second = commit.getArray("events").get(1).asDocument();
            assertThat(second.getDocument("payload").getString("text").getValue()).isEqualTo("note 1");
            assertThat(second.getDocument("payload").getInt32("number").getValue()).isEqualTo(1);
            assertThat(second.getDocument("metadata").getString("recordedBy").getValue()).isEqualTo("tester");
            assertThat(second.getString("payloadType").getValue()).isEqualTo(NoteAddedEvent.class.getName());
            assertThat(second.getString("payloadRevision").getValue()).isEqualTo("1");
            assertThat(second.getInt64("globalIndex").getValue()).isEqualTo(1);
            BsonDocument first = commit.getArray("events").get(0).asDocument();
            assertThat(first.getString("prevHash").getValue()).isEqualTo("0".repeat(64));
            assertThat(second.getString("prevHash").getValue()).isEqualTo(first.getString("hash").getValue());
            assertThat(second.getString("hash").getValue()).matches("[0-9a-f]{64}");
        }

        @Test
        void theChain_continuesAcrossCommits_andAcrossEngines() {
            engine.appendEvents(note("r1", 0, "a"));
            LedgerEventStorageEngine other = engineOn(store.database());
            other.appendEvents(note("r1", 1, "b"));
            engine.appendEvents(note("r1", 2, "c"));

            List<BsonDocument> events = new ArrayList<>();
            for (BsonDocument commit : store.database().getCollection(LedgerSchema.EVENTS, BsonDocument.class)
                                            .find()) {
                commit.getArray("events").forEach(e -> events.add(e.asDocument()));
            }
            events.sort((a, b) -> Long.compare(a.getInt64("sequence").getValue(), b.getInt64("sequence").getValue()));
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).getString("prevHash")).isEqualTo(events.get(i - 1).getString("hash"));
            }
        }

        @Test
        void aSecondRecordCreation_withTheSameId_isRefused() {
            engine.appendEvents(note("r1", 0, "a"));
            assertThatThrownBy(() -> engine.appendEvents(note("r1", 0, "again")))
                    .isInstanceOf(AggregateStreamCreationException.class);
            assertThat(readRecord(engine, "r1")).hasSize(1);
        }

        @Test
        void anAppendAtATakenSequence_fromAnotherNode_failsWithConcurrencyException_andNeverForks() {
            engine.appendEvents(notes("r1", 0, 2));
            LedgerEventStorageEngine otherNode = engineOn(store.database());
            otherNode.appendEvents(note("r1", 2, "theirs"));

            assertThatThrownBy(() -> engine.appendEvents(note("r1", 2, "ours")))
                    .isInstanceOf(ConcurrencyException.class);
            assertThat(readRecord(engine, "r1")).extracting(m -> ((NoteAddedEvent) m.getPayload()).text())
                                                .containsExactly("note 0", "note 1", "theirs");
        }

        @Test
        void anAppendInsideAnotherNodesMultiEventCommit_isAConcurrencyFailure() {
            engine.appendEvents(note("r1", 0, "a"));
            LedgerEventStorageEngine otherNode = engineOn(store.database());
            otherNode.appendEvents(notes("r1", 1, 3));

            assertThatThrownBy(() -> engine.appendEvents(note("r1", 2, "late")))
                    .isInstanceOf(ConcurrencyException.class);
        }

        @Test
        void eventsOfTwoRecords_inOneUnitOfWork_areRefused() {
            assertThatThrownBy(() -> engine.appendEvents(List.of(note("r1", 0, "a"), note("r2", 0, "b"))))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("one record");
            assertThat(store.database().getCollection(LedgerSchema.EVENTS).countDocuments()).isZero();
        }

        @Test
        void anEventThatDoesNotContinueTheRecord_isRefused() {
            engine.appendEvents(note("r1", 0, "a"));
            assertThatThrownBy(() -> engine.appendEvents(note("r1", 5, "gap")))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("no stored event at sequence 4");
        }

        @Test
        void lastSequenceNumber_isTheRecordsHead() {
            assertThat(engine.lastSequenceNumberFor("r1")).isEmpty();
            engine.appendEvents(notes("r1", 0, 5));
            engine.appendEvents(notes("r1", 5, 2));
            assertThat(engineOn(store.database()).lastSequenceNumberFor("r1")).contains(6L);
        }

        @Test
        void aLongRecord_loadsCompletely_fromAFreshEngine() {
            for (int i = 0; i < 700; i++) {
                engine.appendEvents(note("long", i, "n" + i));
            }
            engine.appendEvents(notes("long", 700, 300));
            List<DomainEventMessage<?>> events = readRecord(engineOn(store.database()), "long");
            assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                              .containsExactlyElementsOf(LongStream.range(0, 1000).boxed().toList());
            List<DomainEventMessage<?>> tail = new ArrayList<>();
            engineOn(store.database()).readEvents("long", 850).asStream().forEach(tail::add);
            assertThat(tail).hasSize(150);
            assertThat(tail.get(0).getSequenceNumber()).isEqualTo(850);
        }
    }

    @Nested
    class GlobalIndex {

        @Test
        void eightThreads_thousandAppendsEach_overTenRecords_giveExactlyEightThousandEvents_withoutHoles()
                throws Exception {
            int threads = 8;
            int perThread = 1_000;
            int records = 10;
            LedgerEventStorageEngine[] nodes = {engine, engineOn(store.database())};
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
                                node.appendEvents(note(record, next, "t" + thread + "-" + i));
                                break;
                            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(conflicts.get()).as("the threads really raced for the same records").isPositive();

            List<TrackedEventMessage<?>> all = stream(engineOn(store.database()), null);
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).extracting(LedgerEventStorageEngineTest::index)
                           .containsExactlyElementsOf(LongStream.range(0, threads * perThread).boxed().toList());
            Map<String, List<Long>> sequences = new HashMap<>();
            for (TrackedEventMessage<?> message : all) {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
                sequences.computeIfAbsent(domain.getAggregateIdentifier(), k -> new ArrayList<>())
                         .add(domain.getSequenceNumber());
            }
            assertThat(sequences).hasSize(records);
            sequences.values().forEach(list -> assertThat(list).containsExactlyElementsOf(
                    LongStream.range(0, list.size()).boxed().toList()));
            assertThat(sequences.values().stream().mapToInt(List::size).sum()).isEqualTo(threads * perThread);
        }

        @Test
        void streamingFromATokenInsideACommit_resumesAtTheNextEvent() {
            engine.appendEvents(notes("r1", 0, 5));
            engine.appendEvents(notes("r2", 0, 2));

            List<TrackedEventMessage<?>> fromMiddle = stream(engine, new GlobalSequenceTrackingToken(2));
            assertThat(fromMiddle).extracting(LedgerEventStorageEngineTest::index).containsExactly(3L, 4L, 5L, 6L);
            assertThat(stream(engine, new GlobalSequenceTrackingToken(6))).isEmpty();
        }

        @Test
        void theStream_handsOutWhatItRead_onlyOnceThatIsDurable() {
            List<String> calls = new ArrayList<>();
            StoreDurability recording = new StoreDurability() {
                @Override
                public void awaitDurable() {
                    calls.add("append durable");
                }

                @Override
                public void awaitReadsDurable() {
                    calls.add("reads durable");
                }
            };
            LedgerEventStorageEngine node = LedgerEventStorageEngine.builder()
                                                                    .database(store.database())
                                                                    .hashAlgorithm(HashAlgorithm.SHA_256)
                                                                    .eventSerializer(TestStore.serializer())
                                                                    .durability(recording)
                                                                    .build();
            // another node's appends: this node has no proof they are durable
            engine.appendEvents(notes("r1", 0, 3));
            engine.appendEvents(notes("r2", 0, 2));

            node.readEvents(null, false).forEach(event -> calls.add("handed out " + index(event)));
            assertThat(calls).containsExactly("reads durable", "handed out 0", "handed out 1", "handed out 2",
                                              "handed out 3", "handed out 4");

            calls.clear();
            node.readEvents(null, false).forEach(event -> calls.add("handed out " + index(event)));
            assertThat(calls).as("read again (a replay): known durable since the barrier")
                             .containsExactly("handed out 0", "handed out 1", "handed out 2", "handed out 3",
                                              "handed out 4");

            calls.clear();
            node.appendEvents(notes("r3", 0, 2));
            node.readEvents(new GlobalSequenceTrackingToken(4), false)
                .forEach(event -> calls.add("handed out " + index(event)));
            assertThat(calls).as("this node's own append, acknowledged as durable")
                             .containsExactly("append durable", "handed out 5", "handed out 6");

            calls.clear();
            engine.appendEvents(note("r1", 3, "another node's"));
            node.readEvents(new GlobalSequenceTrackingToken(6), false)
                .forEach(event -> calls.add("handed out " + index(event)));
            assertThat(calls).containsExactly("reads durable", "handed out 7");

            calls.clear();
            assertThat(node.readEvents(new GlobalSequenceTrackingToken(7), false).count()).isZero();
            assertThat(calls).as("nothing read, nothing to wait for").isEmpty();
        }

        @Test
        void headAndTailTokens() {
            assertThat(engine.createHeadToken()).isNull();
            engine.appendEvents(notes("r1", 0, 3));
            assertThat(engine.createTailToken()).isNull();
            assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
        }

        @Test
        void aStaleHeadHint_isWalkedPast() {
            for (int i = 0; i < LedgerEventStorageEngine.HEAD_HINT_INTERVAL + 10; i++) {
                engine.appendEvents(note("r" + (i % 7), i / 7, "x"));
            }
            BsonDocument hint = store.database().getCollection(LedgerSchema.META, BsonDocument.class)
                                     .find(Filters.eq("_id", "head")).first();
            assertThat(hint).isNotNull();
            LedgerEventStorageEngine fresh = engineOn(store.database());
            fresh.appendEvents(note("new", 0, "after restart"));
            List<TrackedEventMessage<?>> last = stream(fresh, new GlobalSequenceTrackingToken(
                    LedgerEventStorageEngine.HEAD_HINT_INTERVAL + 9));
            assertThat(last).singleElement().satisfies(m -> assertThat(index(m))
                    .isEqualTo(LedgerEventStorageEngine.HEAD_HINT_INTERVAL + 10));
        }

        @Test
        void tokenAtATime_pointsBeforeTheFirstLaterEvent() {
            engine.appendEvents(List.of(Appender.note("r1", 0, "a")));
            Instant between = Instant.now();
            engine.appendEvents(List.of(Appender.note("r1", 1, "b")));
            TrackingToken token = engine.createTokenAt(between);
            assertThat(stream(engine, token)).extracting(LedgerEventStorageEngineTest::index).containsExactly(1L);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void aNewerSnapshotReplacesAnOlderOne_andAnOlderOneIsIgnored() {
            engine.appendEvents(notes("r1", 0, 5));
            engine.storeSnapshot(note("r1", 3, "snapshot at 3"));
            engine.storeSnapshot(note("r1", 4, "snapshot at 4"));
            engine.storeSnapshot(note("r1", 2, "older"));

            DomainEventMessage<?> snapshot = engine.readSnapshot("r1").orElseThrow();
            assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
            assertThat(snapshot.getPayload()).isEqualTo(new NoteAddedEvent("snapshot at 4", 4));
        }
    }

    @Nested
    class Persistence {

        @TempDir
        Path dir;

        @Test
        void aRestartedStore_findsEverything_andTheIndexContinues() {
            Path file = dir.resolve("store.mv");
            try (TestStore onFile = TestStore.onFile(file)) {
                LedgerEventStorageEngine first = engineOn(onFile.database());
                first.appendEvents(notes("r1", 0, 3));
                first.appendEvents(notes("r2", 0, 2));
            }
            try (TestStore reopened = TestStore.onFile(file)) {
                LedgerEventStorageEngine second = engineOn(reopened.database());
                assertThat(readRecord(second, "r1")).hasSize(3);
                second.appendEvents(note("r1", 3, "after restart"));
                List<TrackedEventMessage<?>> all = stream(second, null);
                assertThat(all).extracting(LedgerEventStorageEngineTest::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
                assertThat(((DomainEventMessage<?>) all.get(5)).getSequenceNumber()).isEqualTo(3);
            }
        }

        @Test
        void aStoreStoppedMidRun_givesCallersAClearError_andLeavesNoPartialCommit() throws Exception {
            Path file = dir.resolve("store.mv");
            AtomicInteger acknowledged = new AtomicInteger();
            List<Throwable> failures = new ArrayList<>();
            try (TestStore onFile = TestStore.onFile(file)) {
                LedgerEventStorageEngine writer = engineOn(onFile.database());
                Thread load = new Thread(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        try {
                            writer.appendEvents(notes("load", i * 3L, 3));
                            acknowledged.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
                load.start();
                while (acknowledged.get() < 50) {
                    Thread.sleep(5);
                }
                onFile.stopServer();
                load.join(60_000);
                assertThat(load.isAlive()).isFalse();
            }
            assertThat(failures).singleElement().isInstanceOf(StoreUnavailableException.class)
                                .satisfies(e -> assertThat(e.getMessage()).contains("store is unavailable"));

            try (TestStore reopened = TestStore.onFile(file)) {
                LedgerEventStorageEngine reader = engineOn(reopened.database());
                List<TrackedEventMessage<?>> all = stream(reader, null);
                assertThat(all.size() % 3).isZero();
                assertThat(all.size() / 3).isGreaterThanOrEqualTo(acknowledged.get());
                assertThat(all).extracting(LedgerEventStorageEngineTest::index)
                               .containsExactlyElementsOf(LongStream.range(0, all.size()).boxed().toList());
                for (BsonDocument commit : reopened.database().getCollection(LedgerSchema.EVENTS, BsonDocument.class)
                                                   .find()) {
                    assertThat(commit.getArray("events")).hasSize(3);
                }
            }
        }
    }
}
