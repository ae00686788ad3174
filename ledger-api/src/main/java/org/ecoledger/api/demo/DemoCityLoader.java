package org.ecoledger.api.demo;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.ecoledger.api.http.writes.BatchWriter;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Loads the demo city into an empty store through the same command handlers as any recorder: each record's commands
 * go through the {@link BatchWriter} (one commit per record, up to {@link BatchWriter#MAX_BATCH} commands), so every
 * entry is judged by its rules, hash-chained and, once the transparency log has caught up, logged.
 *
 * <p>Places are written level by level (a township needs its county), then departments, officials and inspection
 * cases, by {@code writers} threads at once; then the loader waits until the read views and the transparency log
 * have processed every event. A command refused by its rule stops the load (the generator made a mistake): what
 * was written stays written, as in any ledger.
 *
 * <p>It never writes into a store that holds events. A marker document in {@value #MARKER_COLLECTION} (not part of
 * the ledger) says whether a load finished, so that a start after an interrupted load can say so.
 */
public class DemoCityLoader {

    public static final String MARKER_COLLECTION = "demo_city";
    private static final String MARKER_ID = "load";
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);
    /**
     * Writers for places, departments and cases: records of one to four commands, whose writes wait on the commit
     * and the store more than they compute, so more of them run at once than officials' long histories.
     */
    static final int SMALL_RECORD_WRITERS = 4;

    private static final Logger log = LoggerFactory.getLogger(DemoCityLoader.class);

    private final BatchWriter writer;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final RuleSets ruleSets;
    private final MongoCollection<Document> marker;
    private final DemoCityStatus status;
    private volatile boolean stopping;

    public DemoCityLoader(BatchWriter writer, EventStore eventStore, EventProcessingConfiguration processing,
                          RuleSets ruleSets, MongoDatabase database, DemoCityStatus status) {
        this.writer = writer;
        this.eventStore = eventStore;
        this.processing = processing;
        this.ruleSets = ruleSets;
        this.marker = database.getCollection(MARKER_COLLECTION);
        this.status = status;
    }

    /** How a load ended. */
    public enum Outcome {
        LOADED,
        /** The store held events already: nothing was written. */
        STORE_NOT_EMPTY
    }

    /** A phase of the load: wall-clock time and the CPU time the whole process spent meanwhile. */
    public record Phase(String name, Duration wall, Duration cpu) {
    }

    /** What a load did. */
    public record Report(Outcome outcome, DemoCity city, List<Phase> phases) {

        public Duration total() {
            return phases.stream().map(Phase::wall).reduce(Duration.ZERO, Duration::plus);
        }

        /** One line per phase: its time, its share of the total, and the process's CPU time in it. */
        public String phaseLines() {
            double total = Math.max(1, total().toMillis());
            return phases.stream().map(p -> String.format(Locale.ROOT, "  %-14s %7.1f s  %3.0f%%  cpu %6.1f s",
                    p.name(), p.wall().toMillis() / 1000.0, 100 * p.wall().toMillis() / total,
                    p.cpu().toMillis() / 1000.0)).collect(Collectors.joining("\n"));
        }
    }

    /** Asks a running load to stop after the records being written (at shutdown). */
    public void stop() {
        stopping = true;
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopping;
    }

    /** The demo city of {@code size}, as this loader would load it (its duties from the built-in rule sets). */
    public DemoCity generate(DemoCitySize size) {
        return DemoCityGenerator.generate(size, ruleSets);
    }

    /** Whether the store holds no event at all. */
    public boolean storeIsEmpty() {
        return eventStore.createHeadToken() == null;
    }

    /**
     * Generates the city of {@code size} and loads it, if the store holds no event; waits until the views and the
     * log have caught up.
     *
     * @throws DemoLoadException when a command is refused or a write fails (what was written stays)
     */
    public Report loadIntoEmptyStore(DemoCitySize size, int writers) {
        if (!storeIsEmpty()) {
            Document previous = marker.find(Filters.eq("_id", MARKER_ID)).first();
            if (previous != null && !"loaded".equals(previous.getString("state"))) {
                log.warn("demo city: an earlier load of the demo city was interrupted; the store holds part of it and "
                         + "nothing more is loaded (start on an empty data directory to load it whole)");
            } else {
                log.info("demo city: the store already holds events; nothing is loaded");
            }
            status.state(DemoCityStatus.State.SKIPPED);
            return new Report(Outcome.STORE_NOT_EMPTY, null, List.of());
        }
        List<Phase> phases = new ArrayList<>();
        try {
            Clock clock = new Clock();
            status.generating(size);
            log.info("demo city: generating {} ({}) …", DemoCityGenerator.CITY_NAME, size);
            DemoCity city = generate(size);
            DemoCity.Counts counts = city.counts();
            String digest = city.digest();
            log.info(String.format(Locale.ROOT, "demo city: %,d places, %,d departments, %,d officials, %,d inspection "
                    + "cases, %,d entries in all (digest %s)", counts.jurisdictions(), counts.departments(),
                    counts.officials(), counts.casesAssigned(), counts.commands(), digest));
            phases.add(clock.lap("generate"));
            marker.replaceOne(Filters.eq("_id", MARKER_ID), new Document("_id", MARKER_ID).append("state", "loading")
                    .append("size", size.toString()).append("digest", digest), new ReplaceOptions().upsert(true));
            status.writing(city, digest);
            Progress progress = new Progress(city);

            Map<JurisdictionLevel, List<DemoWrite>> byLevel = new LinkedHashMap<>();
            for (JurisdictionLevel level : JurisdictionLevel.values()) {
                byLevel.put(level, new ArrayList<>());
            }
            List<DemoWrite> departments = new ArrayList<>();
            List<DemoWrite> officials = new ArrayList<>();
            List<DemoWrite> cases = new ArrayList<>();
            for (DemoWrite write : city.writes()) {
                switch (write.kind()) {
                    case JURISDICTION -> byLevel.get(((RegisterJurisdictionCommand) write.commands().get(0)).level())
                                               .add(write);
                    case DEPARTMENT -> departments.add(write);
                    case OFFICIAL -> officials.add(write);
                    case CASE -> cases.add(write);
                }
            }
            for (List<DemoWrite> level : byLevel.values()) {
                writeAll(level, Math.max(writers, SMALL_RECORD_WRITERS), progress);
            }
            writeAll(departments, Math.max(writers, SMALL_RECORD_WRITERS), progress);
            phases.add(clock.lap("places"));
            writeAll(officials, writers, progress);
            phases.add(clock.lap("officials"));
            writeAll(cases, Math.max(writers, SMALL_RECORD_WRITERS), progress);
            phases.add(clock.lap("cases"));
            log.info(String.format(Locale.ROOT, "demo city: %,d entries written in %.0f s; the read views and the "
                    + "transparency log are catching up …", status.commandsWritten(), progress.seconds()));
            status.state(DemoCityStatus.State.CATCHING_UP);
            awaitProcessors();
            phases.add(clock.lap("views and log"));
            marker.updateOne(Filters.eq("_id", MARKER_ID), new Document("$set", new Document("state", "loaded")));
            status.state(DemoCityStatus.State.LOADED);
            Report report = new Report(Outcome.LOADED, city, phases);
            log.info(String.format(Locale.ROOT, "demo city: loaded in %.1f s — %,d officials, %,d entries, every "
                    + "entry chained and logged%n%s", report.total().toMillis() / 1000.0, counts.officials(),
                    counts.commands(), report.phaseLines()));
            log.info("demo city: look first at\n{}", city.scenarios().stream()
                    .map(s -> "  " + s.code() + " " + s.officialId() + ": GET /api/v1" + s.look())
                    .collect(Collectors.joining("\n")));
            return report;
        } catch (RuntimeException | Error e) {
            status.failed(e);
            throw e;
        }
    }

    private void writeAll(List<DemoWrite> writes, int threads, Progress progress) {
        if (writes.isEmpty()) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while (failure.get() == null && !stopping && (index = next.getAndIncrement()) < writes.size()) {
                DemoWrite write = writes.get(index);
                try {
                    write(write);
                } catch (RuntimeException | Error e) {
                    if (!stopping) {
                        failure.compareAndSet(null, e);
                    }
                    return;
                }
                status.written(write);
                progress.maybeLog();
            }
        };
        int count = Math.max(1, Math.min(threads, writes.size()));
        if (count == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(count, runnable -> {
                Thread thread = new Thread(runnable, "demo-city-writer");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
                throw new DemoLoadException("the demo city's load was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new DemoLoadException("a writer of the demo city failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        if (failure.get() != null) {
            Throwable cause = failure.get();
            throw cause instanceof DemoLoadException load ? load
                    : new DemoLoadException("writing the demo city failed: " + cause, cause);
        }
        if (stopping) {
            throw new DemoLoadException("the demo city's load was stopped (the application is shutting down)", null);
        }
    }

    /** One record's commands, in batches of at most {@link BatchWriter#MAX_BATCH}; every one must be accepted. */
    private void write(DemoWrite write) {
        List<Object> commands = write.commands();
        for (int from = 0; from < commands.size(); from += BatchWriter.MAX_BATCH) {
            List<Object> batch = commands.subList(from, Math.min(commands.size(), from + BatchWriter.MAX_BATCH));
            List<BatchWriter.Outcome> outcomes = writer.append(write.aggregateId(), batch);
            for (int i = 0; i < outcomes.size(); i++) {
                if (!outcomes.get(i).appended()) {
                    Throwable refusal = outcomes.get(i).refusal();
                    throw new DemoLoadException("the demo city's command " + (from + i) + " to " + write.aggregateId()
                                                + " was refused (" + refusal + "): " + batch.get(i), refusal);
                }
            }
        }
    }

    /** Waits until every tracking processor held here has handled every event. */
    private void awaitProcessors() {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long nextLog = System.nanoTime() + PROGRESS_EVERY_NANOS;
        while (true) {
            Map<String, Long> behind = lag();
            long worst = behind.values().stream().mapToLong(Long::longValue).max().orElse(0);
            status.lag(worst);
            if (worst == 0) {
                return;
            }
            if (stopping) {
                throw new DemoLoadException("the demo city's load was stopped (the application is shutting down)",
                        null);
            }
            if (System.nanoTime() > deadline) {
                throw new DemoLoadException("the read views and the log did not catch up within " + CATCH_UP_LIMIT
                                            + ": " + behind, null);
            }
            if (System.nanoTime() > nextLog) {
                nextLog = System.nanoTime() + PROGRESS_EVERY_NANOS;
                log.info("demo city: views and log catching up, events behind: {}", behind);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("interrupted while waiting for the views and the log", e);
            }
        }
    }

    /** Per tracking processor with segments here, how many events it is behind the end of the log. */
    Map<String, Long> lag() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Map<String, Long> behind = new LinkedHashMap<>();
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof TrackingEventProcessor tracking)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> segments = tracking.processingStatus();
            if (segments.isEmpty() && tracking.isRunning()) {
                continue; // another node holds its segment
            }
            long position = segments.values().stream()
                    .mapToLong(s -> s.getTrackingToken() == null ? -1 : s.getTrackingToken().position().orElse(-1))
                    .min().orElse(-1);
            behind.put(processor.getName(), Math.max(0, head - position));
        }
        return behind;
    }

    /** Progress lines every few seconds while writing: officials, entries, rate, time left. */
    private final class Progress {

        private final DemoCity.Counts counts;
        private final int records;
        private final long started = System.nanoTime();
        private final AtomicLong nextLog = new AtomicLong(System.nanoTime() + PROGRESS_EVERY_NANOS);

        Progress(DemoCity city) {
            this.counts = city.counts();
            this.records = city.writes().size();
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        void maybeLog() {
            long now = System.nanoTime();
            long due = nextLog.get();
            if (now < due || !nextLog.compareAndSet(due, now + PROGRESS_EVERY_NANOS)) {
                return;
            }
            long written = status.commandsWritten();
            double seconds = seconds();
            double rate = written / Math.max(0.001, seconds);
            // Places are many records of one command, officials fewer and longer: the share of the work done is
            // taken as the mean of the shares of records and of entries written.
            double done = (status.recordsWritten() / (double) records + written / (double) counts.commands()) / 2;
            String left = done < 0.02 ? "" : String.format(Locale.ROOT, ", ~%.0f s left", seconds * (1 - done) / done);
            log.info(String.format(Locale.ROOT, "demo city: %,d / %,d officials, %,d / %,d entries, %,.0f entries/s%s",
                    status.officialsWritten(), counts.officials(), written, counts.commands(), rate, left));
        }
    }

    /** Wall-clock and process CPU time since the last lap. */
    private static final class Clock {

        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long wall = System.nanoTime();
        private long cpu = OS.getProcessCpuTime();

        Phase lap(String name) {
            long nowWall = System.nanoTime();
            long nowCpu = OS.getProcessCpuTime();
            Phase phase = new Phase(name, Duration.ofNanos(nowWall - wall), Duration.ofNanos(Math.max(0, nowCpu - cpu)));
            wall = nowWall;
            cpu = nowCpu;
            return phase;
        }
    }
}
