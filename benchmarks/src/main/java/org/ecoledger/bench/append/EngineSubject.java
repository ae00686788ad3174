package org.ecoledger.bench.append;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ecoledger.api.messaging.DomainConfiguration;
import org.ecoledger.api.messaging.RecentRecordsCache;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.ecoledger.bench.Latencies;
import org.ecoledger.bench.data.BenchCity;
import org.ecoledger.bench.data.LedgerFill;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.reference.EventSourcedReferenceDirectory;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * One event storage engine on its own embedded store (mongo-java-server on an H2 file, every acknowledged append
 * durable), with an Axon configuration around it as the application has: the {@code OfficialRecord} aggregate under
 * the application's aggregate settings ({@link DomainConfiguration#configure}: the record cache the application
 * configures by default and the snapshot trigger), the
 * ledger's calendar and the event-sourced reference directory. Appends go through Axon's command gateway to the hot
 * records of a {@link BenchCity}, one client, one command at a time.
 */
final class EngineSubject implements AutoCloseable {

    /** The commands of a warm-up round: one per hot record, so that each is loaded (and cached) once. */
    static final int WARM_UP = BenchCity.HOT_RECORDS;

    private final String name;
    private final EmbeddedMongoStore store;
    private final MongoClient client;
    private final MongoDatabase database;
    private final EventStorageEngine fillEngine;
    private final Configuration axon;
    private final StoreDurability clientSideDurability;
    private final HashAlgorithm algorithm;
    private final int fillBatch;
    private long appended;

    private EngineSubject(String name, EmbeddedMongoStore store, MongoClient client, MongoDatabase database,
                          EventStorageEngine fillEngine, EventStorageEngine engine,
                          StoreDurability clientSideDurability, JacksonSerializer serializer,
                          HashAlgorithm algorithm, int fillBatch) {
        this.name = name;
        this.store = store;
        this.client = client;
        this.database = database;
        this.fillEngine = fillEngine;
        this.clientSideDurability = clientSideDurability;
        this.algorithm = algorithm;
        this.fillBatch = fillBatch;
        this.axon = DefaultConfigurer.defaultConfiguration()
                                     .configureSerializer(c -> serializer)
                                     .configureEventSerializer(c -> serializer)
                                     .configureMessageSerializer(c -> serializer)
                                     .configureEmbeddedEventStore(c -> engine)
                                     .configureAggregate(DomainConfiguration.configure(
                                             AggregateConfigurer.defaultConfiguration(OfficialRecord.class),
                                             new RecentRecordsCache(RecentRecordsCache.DEFAULT_CAPACITY)))
                                     .registerComponent(LedgerCalendar.class,
                                                        c -> new LedgerCalendar(Clock.systemUTC(),
                                                                                LedgerCalendar.DEFAULT_ZONE))
                                     .registerComponent(ReferenceDirectory.class,
                                                        c -> new EventSourcedReferenceDirectory(
                                                                c.getComponent(EventStore.class)))
                                     .buildConfiguration();
        this.axon.start();
    }

    /** The ledger's engine on the store in {@code directory}; {@code chained = false} is the benchmark-only engine. */
    static EngineSubject ours(Path directory, boolean chained) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0,
                                                            EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
        MongoClient client = MongoClients.create(store.connectionString("ledger"));
        MongoDatabase database = client.getDatabase("ledger");
        LedgerSchema.ensure(database, HashAlgorithm.SHA_256, Clock.systemUTC());
        JacksonSerializer serializer = BenchSerializer.events();
        // reads as the application reads on the embedded default: the store's maps, in this process
        KeyedReads reads = store.keyedReads("ledger");
        LedgerEventStorageEngine.Builder fill = LedgerEventStorageEngine.builder().database(database)
                                                                        .keyedReads(reads)
                                                                        .hashAlgorithm(HashAlgorithm.SHA_256)
                                                                        .eventSerializer(serializer);
        LedgerEventStorageEngine.Builder engine = LedgerEventStorageEngine.builder().database(database)
                                                                          .keyedReads(reads)
                                                                          .hashAlgorithm(HashAlgorithm.SHA_256)
                                                                          .durability(store.durability())
                                                                          .eventSerializer(serializer)
                                                                          .snapshotSerializer(
                                                                                  BenchSerializer.snapshots());
        return new EngineSubject(chained ? "ours" : "ours without the chain", store, client, database,
                                 chained ? fill.build() : new UnchainedEngine(fill),
                                 chained ? engine.build() : new UnchainedEngine(engine), StoreDurability.NONE,
                                 serializer, HashAlgorithm.SHA_256, 1);
    }

    /** axon-mongo's {@code MongoEventStorageEngine} on an identical store. */
    static EngineSubject peer(Path directory) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0,
                                                            EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
        MongoClient client = MongoClients.create(store.connectionString("ledger"));
        MongoDatabase database = client.getDatabase("ledger");
        JacksonSerializer serializer = BenchSerializer.events();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer)
                .snapshotSerializer(BenchSerializer.snapshots())
                .build();
        engine.ensureIndexes();
        // The peer does not make its appends durable itself: the client waits for the same group commit after each
        // command, so both sides acknowledge only what is on disk.
        return new EngineSubject("peer", store, client, database, engine, engine, store.durability(), serializer,
                                 null, PEER_FILL_BATCH);
    }

    /** The peer stores one document per event, so it may be filled in batches (only the filling is faster). */
    static final int PEER_FILL_BATCH = 1_000;

    String name() {
        return name;
    }

    /** Stores the history of {@code fill}'s city up to {@code target} events (one commit each for ours). */
    void fillTo(LedgerFill fill, long target) {
        long started = System.nanoTime();
        long before = fill.filled();
        fill.fillTo(fillEngine, target);
        store.durability().awaitDurable();
        AppendBenchmark.log("%s filled from %d to %d events in %.1f s", name, before, fill.filled(),
                            (System.nanoTime() - started) / 1e9);
    }

    /** The number of events stored (the end of the global log). */
    long storedEvents() {
        TrackingToken head = fillEngine.createHeadToken();
        return head instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() + 1
                : head == null ? 0 : head.position().orElse(0) + 1;
    }

    /** The rate and the CPU time per append of each measured round. */
    record Rounds(List<Double> rates, List<Double> cpuMillisPerAppend) {
    }

    /**
     * A warm-up round, then {@code rounds} rounds of {@code appends}: the rate of each, and the CPU time of this
     * whole process (client, Axon and the in-process store) per append, which moves much less than the rate when
     * other programs share the cores.
     */
    Rounds appendRounds(BenchCity city, int warmUp, int appends, int rounds) {
        runRound(city, warmUp);
        List<Double> rates = new java.util.ArrayList<>();
        List<Double> cpu = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long cpuBefore = processCpuNanos();
            rates.add(appends / (runRound(city, appends) / 1e9));
            cpu.add((processCpuNanos() - cpuBefore) / 1e6 / appends);
        }
        return new Rounds(rates, cpu);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Appends {@code appends} meetings round-robin over the hot records; returns the nanoseconds it took. */
    long runRound(BenchCity city, int appends) {
        CommandGateway gateway = axon.commandGateway();
        List<BenchCity.Official> hot = city.hotOfficials();
        long started = System.nanoTime();
        for (int i = 0; i < appends; i++) {
            long n = appended++;
            BenchCity.Official official = hot.get((int) (n % hot.size()));
            gateway.sendAndWait(new RecordMeetingCommand(official.id(), official.post().id(), official.post().body(),
                                                         BenchCity.topics((int) n), BenchCity.hotDate(n),
                                                         "基准环发〔2019〕" + n + "号", BenchCity.RECORDED_BY));
            clientSideDurability.awaitDurable();
        }
        return System.nanoTime() - started;
    }

    /**
     * Reads whole records of the city's officials (those stored so far) through Axon's event store, as a command
     * handler loads an aggregate without a snapshot: the latency of each read.
     */
    Latencies recordReads(BenchCity city, BenchCity.Cursor filled, int warmUp, int reads, int rounds,
                          long maxNanos) {
        Random random = new Random(11);
        int started = filled.officialsStarted();
        EventStore eventStore = axon.eventStore();
        long begun = System.nanoTime();
        for (int i = 0; i < warmUp && System.nanoTime() - begun < maxNanos; i++) {
            eventStore.readEvents(city.official(random.nextInt(started)).id().aggregateIdentifier()).asStream()
                      .count();
        }
        Latencies latencies = new Latencies();
        for (int round = 0; round < rounds; round++) {
            latencies.newRound();
            for (int i = 0; i < reads && (i == 0 || System.nanoTime() - begun < maxNanos); i++) {
                String id = city.official(random.nextInt(started)).id().aggregateIdentifier();
                long begin = System.nanoTime();
                long count = eventStore.readEvents(id).asStream().count();
                latencies.add(System.nanoTime() - begin);
                if (count == 0) {
                    throw new IllegalStateException("record " + id + " read empty from " + name);
                }
            }
        }
        return latencies;
    }

    double bytesOnDiskPerEvent() throws IOException {
        store.durability().awaitDurable();
        return (double) Files.size(store.file()) / storedEvents();
    }

    /** The average canonical size (what the chain hashes) of the stored entries of the first officials. */
    double canonicalBytesPerEvent(BenchCity city, int officials) {
        EntryHasher hasher = new EntryHasher(algorithm);
        RecordVerifier reader = new RecordVerifier(database, algorithm);
        long canonical = 0;
        long sampled = 0;
        for (int i = 0; i < officials; i++) {
            for (StoredEntry entry : reader.storedEntries(city.official(i).id().aggregateIdentifier())) {
                canonical += hasher.canonicalBytes(entry.entry()).length;
                sampled++;
            }
        }
        return (double) canonical / sampled;
    }

    @Override
    public void close() {
        axon.shutdown();
        client.close();
        try {
            store.close();
        } catch (RuntimeException e) {
            // Everything measured was committed; an unclean close only makes the next open recover the file.
            System.err.println("closing the " + name + " store failed (it will be recovered when opened again): "
                                       + e);
        }
    }

    /**
     * BENCHMARK ONLY: the ledger's engine with the chain's hashing switched off (every entry gets the same
     * placeholder instead of its hash), through the engine's one seam for it; for {@code append.chain_overhead}.
     */
    static final class UnchainedEngine extends LedgerEventStorageEngine {

        static final String PLACEHOLDER = "0".repeat(64);

        UnchainedEngine(LedgerEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected String entryHash(ChainEntry entry) {
            return PLACEHOLDER;
        }
    }
}
