package org.ecoledger.bench.append;

import org.ecoledger.bench.Latencies;
import org.ecoledger.bench.Mode;
import org.ecoledger.bench.Profiler;
import org.ecoledger.bench.Results;
import org.ecoledger.bench.Stats;
import org.ecoledger.bench.SvgPlot;
import org.ecoledger.bench.data.BenchCity;
import org.ecoledger.bench.data.LedgerFill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Appends through Axon's command bus — MEETING_HELD entries to the hot records of a {@link BenchCity}, checked by the
 * record's rules and the reference directory exactly as in the application — on the embedded default (every
 * acknowledged append durable), at growing store sizes, for the ledger's engine and, in the same run, for axon-mongo's
 * {@code MongoEventStorageEngine} as the peer on an identical store; reads of whole records on both; and the cost of
 * the hash chain ({@code append.chain_overhead}).
 *
 * <p>The store is filled with the city's history (one commit per event for ours, as the ledger writes them); a
 * warm-up round (one append per hot record) precedes {@value #ROUNDS} measured rounds; the median round is the
 * figure.
 */
public final class AppendBenchmark {

    static final int ROUNDS = 3;
    static final int RECORD_READS = 200;
    static final int PEER_RECORD_READS = 10;
    /** The most time the peer's record reads may take at one size (each scans its collection). */
    static final long PEER_READ_BUDGET_NANOS = 60_000_000_000L;

    /** What is done with the ledger's store at each size, once the appends are measured and the store is closed. */
    @FunctionalInterface
    public interface AtSize {
        void measure(Mode.Size size, BenchCity.Cursor filled, boolean largest) throws Exception;
    }

    private final Mode mode;
    private final Results results;
    private final Path workDirectory;
    private final Profiler profiler;
    private final BenchCity city;
    private final SvgPlot appendPlot;

    public AppendBenchmark(Mode mode, Results results, Path workDirectory, Profiler profiler, BenchCity city,
                           SvgPlot appendPlot) {
        this.appendPlot = appendPlot;
        this.mode = mode;
        this.results = results;
        this.workDirectory = workDirectory;
        this.profiler = profiler;
        this.city = city;
    }

    /** The ledger's data directory (the application runs on it between the sizes). */
    public Path oursDirectory() {
        return workDirectory.resolve("ours");
    }

    /**
     * Warms the JVM's compilers on a throwaway store of the first size (filled, then the rounds of a measurement),
     * deleted afterwards, so that the first size is not measured on a cold JVM: before, the CPU per append fell from
     * 2.7 ms at 10k (the process's first appends) to 1.6 ms at 100k and 1.1 ms at 1M (run G, docs/benchmarks.md).
     */
    private void warmUpJvm() throws Exception {
        Path directory = workDirectory.resolve("jvm-warm-up");
        try (EngineSubject warm = EngineSubject.ours(directory, true)) {
            LedgerFill fill = new LedgerFill(city, 1);
            warm.fillTo(fill, mode.storeSizes().get(0).events());
            EngineSubject.Rounds rounds = warm.appendRounds(city, EngineSubject.WARM_UP, mode.appendsPerRound(),
                                                            ROUNDS);
            log("JVM warm-up on a throwaway store: %s appends/s (not a result)", rounded(rounds.rates()));
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Ours at every size: fill, appends, record reads; at the largest size the bytes on disk per event; after each
     * size {@code atSize} (the store closed).
     */
    public void ours(SvgPlot readPlot, AtSize atSize) throws Exception {
        LedgerFill fill = new LedgerFill(city, 1);
        results.note("sizes.append", String.join(",", mode.storeSizes().stream().map(Mode.Size::label).toList()));
        results.note("city", city.officials() + " officials, " + city.eventsPerOfficial() + " entries each, "
                + city.places().size() + " places, " + BenchCity.HOT_RECORDS + " hot records");
        warmUpJvm();
        for (Mode.Size size : mode.storeSizes()) {
            boolean largest = size.equals(mode.largest());
            try (EngineSubject ours = EngineSubject.ours(oursDirectory(), true)) {
                ours.fillTo(fill, size.events() - ours.storedEvents() + fill.filled());
                EngineSubject.Rounds rounds;
                try (Profiler.Phase ignored = largest ? profiler.harness("append.rate") : () -> { }) {
                    rounds = ours.appendRounds(city, EngineSubject.WARM_UP, mode.appendsPerRound(), ROUNDS);
                }
                List<Double> rates = rounds.rates();
                results.putRounds("append.rate." + size.label(), rates);
                results.putRounds("append.cpu_ms." + size.label(), rounds.cpuMillisPerAppend());
                appendPlot.add("ledger engine", size.events(), results.get("append.rate." + size.label()));
                log("ours at %s events: %.0f appends/s (rounds %s)", size.label(),
                    results.get("append.rate." + size.label()), rounded(rates));
                Latencies reads = ours.recordReads(city, fill.cursor(), 20, RECORD_READS, ROUNDS, Long.MAX_VALUE);
                putReads("query.record", size, reads, readPlot, "record read, ledger engine");
                if (largest) {
                    double canonical = ours.canonicalBytesPerEvent(city, 20);
                    double onDisk = ours.bytesOnDiskPerEvent();
                    results.put("store.bytes_per_event", onDisk / canonical);
                    results.put("store.bytes_per_event.absolute", onDisk);
                    results.put("store.canonical_bytes_per_event", canonical);
                    log("ours: %.0f bytes on disk per event, %.0f canonical bytes per event", onDisk, canonical);
                }
            }
            atSize.measure(size, fill.cursor(), largest);
        }
        Mode.Size first = mode.storeSizes().get(0);
        results.put("append.rate.growth", results.get("append.rate." + mode.largest().label())
                / results.get("append.rate." + first.label()));
    }

    /** The peer at every size up to {@link Mode#peerMaxEvents()}, and ours ÷ the peer at each. */
    public void peer(SvgPlot readPlot) {
        LedgerFill fill = new LedgerFill(city, EngineSubject.PEER_FILL_BATCH);
        results.note("sizes.peer", String.join(",", mode.storeSizes().stream()
                                                           .filter(size -> size.events() <= mode.peerMaxEvents())
                                                           .map(Mode.Size::label).toList()));
        try (EngineSubject peer = EngineSubject.peer(workDirectory.resolve("peer"))) {
            boolean first = true;
            for (Mode.Size size : mode.storeSizes()) {
                if (size.events() > mode.peerMaxEvents()) {
                    break;
                }
                peer.fillTo(fill, size.events() - peer.storedEvents() + fill.filled());
                // The full warm-up at the first size; later a short one (each command costs seconds at 100k).
                EngineSubject.Rounds rounds = peer.appendRounds(city, first ? EngineSubject.WARM_UP : 10,
                                                                mode.peerAppendsPerRound(), ROUNDS);
                first = false;
                List<Double> rates = rounds.rates();
                results.putRounds("append.peer.rate." + size.label(), rates);
                results.putRounds("append.peer.cpu_ms." + size.label(), rounds.cpuMillisPerAppend());
                appendPlot.add("axon-mongo (peer)", size.events(), results.get("append.peer.rate." + size.label()));
                log("peer at %s events: %.1f appends/s (rounds %s)", size.label(),
                    results.get("append.peer.rate." + size.label()), rounded(rates));
                Latencies reads = peer.recordReads(city, fill.cursor(), 1, PEER_RECORD_READS, ROUNDS,
                                                   PEER_READ_BUDGET_NANOS);
                putReads("query.peer.record", size, reads, readPlot, "record read, axon-mongo (peer)");
            }
        }
        for (Mode.Size size : mode.storeSizes()) {
            Double ours = results.get("append.rate." + size.label());
            Double peer = results.get("append.peer.rate." + size.label());
            if (ours != null && peer != null) {
                results.put("append.peer.ratio." + size.label(), ours / peer);
            }
        }
    }

    /**
     * The same appends on two stores filled alike, one through the ledger's engine and one through the same engine
     * with the chain's hashing switched off (benchmark-only), in {@link Mode#chainRounds()} pairs of rounds, the order
     * alternating: time with the chain ÷ time without, from the medians. The figure compares the CPU time of the
     * thread that sends the commands, where Axon, the engine and the chain run (the single client's command is
     * handled on it), because wall time on a shared machine, and the process's CPU time with the stores' background
     * compaction in it, move by more than the chain costs. Leaving the store's own work (the same either way) out of
     * both makes the ratio an upper bound of the ratio of whole append times; the ratio of the process's CPU time
     * and of wall time are reported beside it.
     */
    public void chainOverhead() {
        Mode.Size size = mode.storeSizes().get(0);
        LedgerFill chainedFill = new LedgerFill(city, 1);
        LedgerFill unchainedFill = new LedgerFill(city, 1);
        try (EngineSubject chained = EngineSubject.ours(workDirectory.resolve("chained"), true);
             EngineSubject unchained = EngineSubject.ours(workDirectory.resolve("unchained"), false)) {
            chained.fillTo(chainedFill, size.events());
            unchained.fillTo(unchainedFill, size.events());
            int appends = mode.chainAppendsPerRound();
            chained.runRound(city, EngineSubject.WARM_UP + appends);
            unchained.runRound(city, EngineSubject.WARM_UP + appends);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> threadWith = new ArrayList<>();
            List<Double> threadWithout = new ArrayList<>();
            List<Double> cpuWith = new ArrayList<>();
            List<Double> cpuWithout = new ArrayList<>();
            List<Double> wallWith = new ArrayList<>();
            List<Double> wallWithout = new ArrayList<>();
            for (int round = 0; round < mode.chainRounds(); round++) {
                EngineSubject first = round % 2 == 0 ? chained : unchained;
                EngineSubject second = round % 2 == 0 ? unchained : chained;
                for (EngineSubject subject : List.of(first, second)) {
                    long cpuBefore = EngineSubject.processCpuNanos();
                    long threadBefore = threads.getCurrentThreadCpuTime();
                    double wall = subject.runRound(city, appends) / 1e3 / appends;
                    double thread = (threads.getCurrentThreadCpuTime() - threadBefore) / 1e3 / appends;
                    double cpu = (EngineSubject.processCpuNanos() - cpuBefore) / 1e3 / appends;
                    (subject == chained ? threadWith : threadWithout).add(thread);
                    (subject == chained ? cpuWith : cpuWithout).add(cpu);
                    (subject == chained ? wallWith : wallWithout).add(wall);
                }
            }
            results.putRounds("append.chain.thread_cpu_us_per_append", threadWith);
            results.putRounds("append.unchained.thread_cpu_us_per_append", threadWithout);
            results.putRounds("append.chain.cpu_us_per_append", cpuWith);
            results.putRounds("append.unchained.cpu_us_per_append", cpuWithout);
            results.putRounds("append.chain.wall_us_per_append", wallWith);
            results.putRounds("append.unchained.wall_us_per_append", wallWithout);
            results.put("append.chain_overhead", Stats.median(threadWith) / Stats.median(threadWithout));
            results.put("append.chain_overhead.process_cpu", Stats.median(cpuWith) / Stats.median(cpuWithout));
            results.put("append.chain_overhead.wall", Stats.median(wallWith) / Stats.median(wallWithout));
            log("chain overhead at %s: %.0f µs of the client thread's CPU per append with the chain, %.0f without: "
                        + "%.3f (process CPU %.3f, wall time %.3f)", size.label(), Stats.median(threadWith),
                Stats.median(threadWithout), results.get("append.chain_overhead"),
                results.get("append.chain_overhead.process_cpu"), results.get("append.chain_overhead.wall"));
        }
    }

    private void putReads(String metric, Mode.Size size, Latencies reads, SvgPlot plot, String series) {
        double p99 = reads.percentile(99);
        results.put(metric + ".p99_ms." + size.label(), p99, reads.perRound(99));
        plot.add(series + " p99", size.events(), p99);
        log("%s at %s: p50 %.2f ms, p99 %.2f ms (%d reads)", metric, size.label(), reads.percentile(50), p99,
            reads.count());
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList();
    }

    static void log(String format, Object... args) {
        System.out.println("[append] " + String.format(Locale.ROOT, format, args));
    }
}
