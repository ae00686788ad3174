package org.ecoledger.bench.append;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ecoledger.api.messaging.DomainConfiguration;
import org.ecoledger.api.messaging.RecentRecordsCache;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.MeetingHeldEvent;
import org.ecoledger.core.record.OfficialAppointedEvent;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.EventSourcedReferenceDirectory;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.bench.Results;
import org.ecoledger.bench.Mode;
import org.ecoledger.bench.SvgPlot;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Appends through Axon's command bus to existing records (MEETING_HELD entries of officials' records, checked by
 * the record's rules and the reference directory exactly as in the application) on the embedded default (mongo-java-server on an H2 file,
 * every acknowledged append durable), at growing store sizes, for the ledger's engine and, in the same run, for
 * axon-mongo's {@code MongoEventStorageEngine} as the peer on an identical embedded store.
 *
 * <p>The store is filled record by record ({@value #EVENTS_PER_RECORD} events each: registration, appointment as a
 * city party secretary, meetings; one commit per event, as the ledger writes them); appends then go round-robin over
 * the first {@value #HOT_RECORDS} records, which exist from the start. A warm-up round (one append per hot record, so
 * that each is loaded once) precedes the measured rounds. Both engines run under the application's aggregate
 * settings ({@link DomainConfiguration#configure}: cache and snapshot trigger).
 */
public final class AppendBenchmark {

    static final int HOT_RECORDS = 100;
    static final int EVENTS_PER_RECORD = 100;
    static final JurisdictionCode CITY = JurisdictionCode.of("139900000000");
    static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 4);
    static final int ROUNDS = 3;
    static final int PEER_BATCH = 1_000;
    static final int PEER_WARM_UP = 10;

    private final Mode mode;
    private final Results results;
    private final Path workDirectory;
    private final JacksonSerializer serializer = BenchSerializer.events();
    private final JacksonSerializer snapshotSerializer = BenchSerializer.snapshots();

    public AppendBenchmark(Mode mode, Results results, Path workDirectory) {
        this.mode = mode;
        this.results = results;
        this.workDirectory = workDirectory;
    }

    /** Measures ours and the peer, and returns the plot of rate against store size. */
    public SvgPlot run() throws Exception {
        SvgPlot plot = new SvgPlot("Appends through the command bus, embedded default (durable)",
                                   "events already stored", "appends/s (one client)");
        try (Subject ours = Subject.ours(workDirectory.resolve("ours"), serializer, snapshotSerializer)) {
            for (Mode.Size size : mode.storeSizes()) {
                ours.fillTo(size.events());
                double rate = ours.measure(mode.appendsPerRound(), "append.rate." + size.label(), results);
                plot.add("ledger engine", size.events(), rate);
                log("ours at %s events: %.0f appends/s", size.label(), rate);
            }
            double bytes = ours.bytesPerEvent();
            results.put("store.bytes_per_event", bytes);
            results.put("store.bytes_per_event.absolute", ours.bytesOnDiskPerEvent());
        }
        Mode.Size first = mode.storeSizes().get(0);
        Mode.Size last = mode.storeSizes().get(mode.storeSizes().size() - 1);
        results.put("append.rate.growth", results.get("append.rate." + last.label())
                / results.get("append.rate." + first.label()));
        try (Subject peer = Subject.peer(workDirectory.resolve("peer"), serializer, snapshotSerializer)) {
            for (Mode.Size size : mode.storeSizes()) {
                if (size.events() > mode.peerMaxEvents()) {
                    break;
                }
                peer.fillTo(size.events());
                double rate = peer.measure(mode.peerAppendsPerRound(), "append.peer.rate." + size.label(), results);
                plot.add("axon-mongo (peer)", size.events(), rate);
                log("peer at %s events: %.1f appends/s", size.label(), rate);
            }
        }
        for (Mode.Size size : mode.storeSizes()) {
            Double ours = results.get("append.rate." + size.label());
            Double peer = results.get("append.peer.rate." + size.label());
            if (ours != null && peer != null) {
                results.put("append.peer.ratio." + size.label(), ours / peer);
            }
        }
        return plot;
    }

    static void log(String format, Object... args) {
        System.out.println("[append] " + String.format(Locale.ROOT, format, args));
    }

    /** One engine on its own embedded store, with an Axon configuration around it. */
    private static final class Subject implements AutoCloseable {

        private final String name;
        private final EmbeddedMongoStore store;
        private final MongoClient client;
        private final MongoDatabase database;
        private final EventStorageEngine fillEngine;
        private final Configuration axon;
        private final StoreDurability clientSideDurability;
        private final HashAlgorithm algorithm;
        private long events;
        private long records;
        private long appended;
        private int measured;

        private Subject(String name, EmbeddedMongoStore store, MongoClient client, MongoDatabase database,
                        EventStorageEngine fillEngine, EventStorageEngine engine,
                        StoreDurability clientSideDurability, JacksonSerializer serializer,
                        HashAlgorithm algorithm) {
            this.name = name;
            this.store = store;
            this.client = client;
            this.database = database;
            this.fillEngine = fillEngine;
            this.clientSideDurability = clientSideDurability;
            this.algorithm = algorithm;
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

        static Subject ours(Path directory, JacksonSerializer serializer, JacksonSerializer snapshots) {
            EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0,
                                                                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
            MongoClient client = MongoClients.create(store.connectionString("ledger"));
            MongoDatabase database = client.getDatabase("ledger");
            LedgerSchema.ensure(database, HashAlgorithm.SHA_256, Clock.systemUTC());
            LedgerEventStorageEngine fill = LedgerEventStorageEngine.builder().database(database)
                                                                    .hashAlgorithm(HashAlgorithm.SHA_256)
                                                                    .eventSerializer(serializer).build();
            LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder().database(database)
                                                                      .hashAlgorithm(HashAlgorithm.SHA_256)
                                                                      .durability(store.durability())
                                                                      .eventSerializer(serializer)
                                                                      .snapshotSerializer(snapshots).build();
            return new Subject("ours", store, client, database, fill, engine, StoreDurability.NONE, serializer,
                               HashAlgorithm.SHA_256);
        }

        static Subject peer(Path directory, JacksonSerializer serializer, JacksonSerializer snapshots) {
            EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0,
                                                                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
            MongoClient client = MongoClients.create(store.connectionString("ledger"));
            MongoDatabase database = client.getDatabase("ledger");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                    .eventSerializer(serializer)
                    .snapshotSerializer(snapshots)
                    .build();
            engine.ensureIndexes();
            // The peer does not make its appends durable itself: the client waits for the same group commit after
            // each command, so both sides acknowledge only what is on disk.
            return new Subject("peer", store, client, database, engine, engine, store.durability(), serializer,
                               null);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        void fillTo(long target) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            long started = System.nanoTime();
            Instant now = Instant.now();
            if (events == 0) {
                batch.add(new GenericDomainEventMessage<>("Jurisdiction", CITY.aggregateIdentifier(), 0,
                        new JurisdictionRegisteredEvent(CITY, "基准市", JurisdictionLevel.CITY, null,
                                                        LocalDate.of(1990, 1, 1), null, "bench", now)));
                events++;
                flush(batch, true);
            }
            while (events < target) {
                OfficialId official = official(records);
                PostId post = post(records);
                for (int seq = 0; seq < EVENTS_PER_RECORD && events < target; seq++) {
                    Object payload = switch (seq) {
                        case 0 -> new OfficialRegisteredEvent(official, "基准" + records, FIRST_DAY, null, "bench", now);
                        case 1 -> new OfficialAppointedEvent(official, post, CITY, null, Role.PARTY_SECRETARY,
                                                             ResponsibilityKind.OVERALL, FIRST_DAY, null, "bench", now);
                        default -> new MeetingHeldEvent(official, post, MeetingBody.STANDING_COMMITTEE,
                                                        List.of(topic(seq)), FIRST_DAY.plusDays(seq),
                                                        "示例环发〔2016〕" + seq + "号", "bench", now);
                    };
                    batch.add(new GenericDomainEventMessage<>("OfficialRecord", official.aggregateIdentifier(), seq,
                                                              payload));
                    events++;
                    flush(batch, fillEngine instanceof LedgerEventStorageEngine);
                }
                records++;
            }
            flush(batch, true);
            store.durability().awaitDurable();
            log("%s filled to %d events in %.1f s", name, events, (System.nanoTime() - started) / 1e9);
        }

        /** The ledger's engine gets one commit per event, as it is written; the peer gets batches of inserts. */
        private void flush(List<DomainEventMessage<?>> batch, boolean now) {
            if (!batch.isEmpty() && (now || batch.size() >= PEER_BATCH)) {
                fillEngine.appendEvents(batch);
                batch.clear();
            }
        }

        double measure(int appendsPerRound, String metric, Results results) {
            CommandGateway gateway = axon.commandGateway();
            // The warm-up loads (and caches) each hot record once and warms the JIT. At its first size a subject gets
            // the full warm-up; later the peer, which scans its collection on every command whatever it cached,
            // gets a short one (a full one takes minutes at 100k).
            runRound(gateway, measured++ == 0 || appendsPerRound >= HOT_RECORDS ? HOT_RECORDS : PEER_WARM_UP);
            List<Double> rates = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                runRound(gateway, appendsPerRound);
                rates.add(appendsPerRound / ((System.nanoTime() - started) / 1e9));
                cpu.add((processCpuNanos() - cpuBefore) / 1e6 / appendsPerRound);
            }
            results.putRounds(metric, rates);
            // CPU time of the whole process (client, Axon, the in-process store) per append: unlike the rate, it
            // hardly moves when other programs share the machine's cores.
            results.putRounds(metric.replace(".rate.", ".cpu_ms."), cpu);
            return results.get(metric);
        }

        private void runRound(CommandGateway gateway, int appends) {
            for (int i = 0; i < appends; i++) {
                long record = appended++ % HOT_RECORDS;
                LocalDate on = FIRST_DAY.plusDays(EVENTS_PER_RECORD + (appended / HOT_RECORDS) % 1_000);
                gateway.sendAndWait(new RecordMeetingCommand(official(record), post(record),
                                                             MeetingBody.STANDING_COMMITTEE, List.of(topic(i)), on,
                                                             "示例环发〔2019〕" + i + "号", "bench"));
                clientSideDurability.awaitDurable();
                events++;
            }
        }

        double bytesOnDiskPerEvent() throws IOException {
            store.durability().awaitDurable();
            return (double) Files.size(store.file()) / events;
        }

        /** Disk per event divided by the canonical size of an event (what the chain hashes). */
        double bytesPerEvent() throws IOException {
            EntryHasher hasher = new EntryHasher(algorithm);
            RecordVerifier reader = new RecordVerifier(database, algorithm);
            long canonical = 0;
            long sampled = 0;
            for (int r = 0; r < 10; r++) {
                for (StoredEntry entry : reader.storedEntries(official(r).aggregateIdentifier())) {
                    canonical += hasher.canonicalBytes(entry.entry()).length;
                    sampled++;
                }
            }
            double canonicalPerEvent = (double) canonical / sampled;
            results(canonicalPerEvent);
            return bytesOnDiskPerEvent() / canonicalPerEvent;
        }

        private void results(double canonicalPerEvent) {
            log("%s: %.0f canonical bytes per event on average", name, canonicalPerEvent);
        }

        @Override
        public void close() {
            axon.shutdown();
            client.close();
            store.close();
        }
    }

    static OfficialId official(long record) {
        return OfficialId.of("b-" + record);
    }

    static PostId post(long record) {
        return PostId.of("city-secretary-" + record);
    }

    static String topic(long i) {
        return switch ((int) (i % 4)) {
            case 0 -> "研究部署大气污染防治重点工作";
            case 1 -> "听取中央环保督察反馈问题整改情况汇报";
            case 2 -> "研究水污染防治和河长制工作";
            default -> "部署秸秆禁烧和散煤治理";
        };
    }
}
