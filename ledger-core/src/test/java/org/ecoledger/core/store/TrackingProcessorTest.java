package org.ecoledger.core.store;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.core.store.Appender.note;

/** Axon's tracking processors on the ledger's engine: every event exactly once, in order per record. */
class TrackingProcessorTest {

    static final int RECORDS = 20;
    static final int EVENTS_PER_RECORD = 50;

    TestStore store;
    LedgerEventStorageEngine engine;
    EmbeddedEventStore eventStore;
    TrackingEventProcessor processor;
    final NotesView view = new NotesView();

    /** A read model: per record the texts in the order handled, and every global index handled with a count. */
    static class NotesView {
        final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();
        final Map<Long, Integer> deliveries = new ConcurrentHashMap<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(NoteAddedEvent event, DomainEventMessage<?> message, TrackingToken token) {
            sequences.computeIfAbsent(message.getAggregateIdentifier(), k -> new ArrayList<>())
                     .add(message.getSequenceNumber());
            deliveries.merge(token.position().orElseThrow(), 1, Integer::sum);
            threads.add(Thread.currentThread().getName());
        }

        @ResetHandler
        void reset() {
            sequences.clear();
            deliveries.clear();
        }

        Map<String, List<Long>> snapshot() {
            Map<String, List<Long>> copy = new TreeMap<>();
            sequences.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    @BeforeEach
    void start() {
        store = TestStore.inMemory();
        engine = LedgerEventStorageEngineTest.engineOn(store.database());
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        processor = TrackingEventProcessor.builder()
                .name("notes")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                              .eventHandlers(view)
                                                              .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                                                              .build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(
                        TrackingEventProcessorConfiguration.forParallelProcessing(2)
                                                           .andInitialSegmentsCount(2)
                                                           .andBatchSize(7))
                .build();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
        eventStore.shutDown();
        store.close();
    }

    private void appendAll(LedgerEventStorageEngine target) {
        for (int i = 0; i < EVENTS_PER_RECORD; i++) {
            for (int r = 0; r < RECORDS; r++) {
                target.appendEvents(note("record-" + r, i, "n" + i));
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoSegments_seeEveryEventExactlyOnce_inOrderPerRecord_whileAppendsGoOn() throws Exception {
        processor.start();
        Thread writer = new Thread(() -> appendAll(engine));
        writer.start();
        writer.join();
        int total = RECORDS * EVENTS_PER_RECORD;
        await(() -> view.deliveries.size() == total);
        Thread.sleep(200);

        assertThat(view.deliveries).hasSize(total);
        assertThat(view.deliveries.values()).allMatch(count -> count == 1);
        assertThat(view.deliveries.keySet()).allMatch(index -> index >= 0 && index < total);
        assertThat(view.sequences).hasSize(RECORDS);
        view.sequences.values().forEach(seqs -> assertThat(seqs)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, EVENTS_PER_RECORD).boxed().toList()));
        assertThat(view.threads).as("both segments worked").hasSize(2);
        assertThat(processor.processingStatus()).hasSize(2);
    }

    @Test
    void aReplay_rebuildsAnIdenticalReadModel() throws Exception {
        appendAll(engine);
        processor.start();
        int total = RECORDS * EVENTS_PER_RECORD;
        await(() -> view.deliveries.size() == total);
        Map<String, List<Long>> before = view.snapshot();

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // A processor stays "replaying" until an event past the reset position arrives; the model is complete
        // once every event was delivered again.
        await(() -> view.deliveries.size() == total);
        Thread.sleep(200);
        assertThat(processor.processingStatus().values()).allMatch(s -> s.isReplaying());

        assertThat(view.snapshot()).isEqualTo(before);
        assertThat(view.deliveries.values()).allMatch(count -> count == 1);
    }

    @Test
    void aProcessorRestartedFromItsToken_continuesWithoutSkippingOrRepeating() throws Exception {
        for (int r = 0; r < RECORDS; r++) {
            engine.appendEvents(note("record-" + r, 0, "first"));
        }
        processor.start();
        await(() -> view.deliveries.size() == RECORDS);
        processor.shutDown();
        for (int r = 0; r < RECORDS; r++) {
            engine.appendEvents(note("record-" + r, 1, "second"));
        }
        processor.start();
        await(() -> view.deliveries.size() == 2 * RECORDS);
        Thread.sleep(200);
        assertThat(view.deliveries.values()).allMatch(count -> count == 1);
        assertThat(processor.processingStatus().values())
                .allSatisfy(status -> assertThat(status.getCurrentPosition()).hasValue(2L * RECORDS - 1));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2L * RECORDS - 1));
    }
}
