package org.ecoledger.bench;

import java.util.List;

/**
 * The sizes a run measures at. The quick run keeps every scenario but at smaller sizes, so it fits in three minutes
 * on every change; the full run measures at the sizes the targets name (1M events over 20k officials).
 */
public enum Mode {

    QUICK(List.of(new Size("10k", 10_000), new Size("30k", 30_000)), 30_000, false, 600, 50,
          500, 20, 10_000,
          300, 50, 25, 1, 30_000, 100, 10),
    /** Tiny sizes, to check that every scenario runs (bench/run --smoke); its figures mean nothing. */
    SMOKE(List.of(new Size("2k", 2_000), new Size("5k", 5_000)), 5_000, true, 100, 50,
          100, 5, 2_000,
          5, 20, 10, 1, 5_000, 20, 4),
    FULL(List.of(new Size("10k", 10_000), new Size("100k", 100_000), new Size("1m", 1_000_000)), 1_000_000, true,
         20_000, 50, 2_000, 10, 100_000,
         3_000, 300, 150, 3, 200_000, 300, 20);

    private final List<Size> storeSizes;
    private final long applicationMaxEvents;
    private final boolean applicationAtEverySize;
    private final int chainRounds;
    private final int officials;
    private final int eventsPerOfficial;
    private final int appendsPerRound;
    private final int peerAppendsPerRound;
    private final long peerMaxEvents;
    private final int queryWarmUp;
    private final int queriesPerRound;
    private final int httpAppendsPerClient;
    private final int startups;
    private final int hashSample;
    private final int chainAppendsPerRound;

    Mode(List<Size> storeSizes, long applicationMaxEvents, boolean applicationAtEverySize, int officials, int eventsPerOfficial, int appendsPerRound, int peerAppendsPerRound,
         long peerMaxEvents, int queryWarmUp, int queriesPerRound, int httpAppendsPerClient, int startups,
         int hashSample, int chainAppendsPerRound, int chainRounds) {
        this.applicationAtEverySize = applicationAtEverySize;
        this.chainRounds = chainRounds;
        this.storeSizes = storeSizes;
        this.applicationMaxEvents = applicationMaxEvents;
        this.officials = officials;
        this.eventsPerOfficial = eventsPerOfficial;
        this.appendsPerRound = appendsPerRound;
        this.peerAppendsPerRound = peerAppendsPerRound;
        this.peerMaxEvents = peerMaxEvents;
        this.queryWarmUp = queryWarmUp;
        this.queriesPerRound = queriesPerRound;
        this.httpAppendsPerClient = httpAppendsPerClient;
        this.startups = startups;
        this.hashSample = hashSample;
        this.chainAppendsPerRound = chainAppendsPerRound;
    }

    /** The store sizes at which rates and latencies are measured, each with the suffix its metrics carry. */
    public List<Size> storeSizes() {
        return storeSizes;
    }

    /** The largest size: where the figures without a size suffix (and the targets) are measured. */
    public Size largest() {
        return storeSizes.get(storeSizes.size() - 1);
    }

    /**
     * The largest store the application is started on: 1M in the full run, so the figures the targets name at 1M
     * (queries, proofs, verification, HTTP appends, replay, start-up) are measured there. The application's first
     * start on a store the harness filled builds the transparency log and every view (0.7–0.9 ms of CPU per event
     * on the embedded default, see docs/benchmarks.md), and a reset builds the views again: at 1M these two builds
     * take about 12 of the full run's 30 minutes. The figures without a size suffix are measured at this size.
     */
    public long applicationMaxEvents() {
        return applicationMaxEvents;
    }

    /**
     * Whether the application's queries and proofs are measured at every size up to the largest (the full run, for
     * the plot of latency against size) or only there (the quick run, for time).
     */
    public boolean applicationAtEverySize() {
        return applicationAtEverySize;
    }

    /** Pairs of rounds (with the chain, without) for {@code append.chain_overhead}. */
    public int chainRounds() {
        return chainRounds;
    }

    /** The largest size the application is measured at. */
    public Size applicationLargest() {
        return storeSizes.stream().filter(size -> size.events() <= applicationMaxEvents)
                         .reduce((a, b) -> b).orElseThrow();
    }

    /** Officials of the benchmark city (their records fill the largest store). */
    public int officials() {
        return officials;
    }

    public int eventsPerOfficial() {
        return eventsPerOfficial;
    }

    public int appendsPerRound() {
        return appendsPerRound;
    }

    /** The peer needs about 10 s a command at 100k (it scans its collection), so its rounds are short. */
    public int peerAppendsPerRound() {
        return peerAppendsPerRound;
    }

    /** The largest store size the peer is measured at: 10k in the quick run, 100k in the full one. */
    public long peerMaxEvents() {
        return peerMaxEvents;
    }

    /**
     * Requests of each query kind sent before its measured rounds. The application's JVM compiles a request's hot
     * path with its optimizing compiler only after thousands of invocations: with 100 (the full runs up to J) an
     * inclusion proof still cost ~4 ms of the application's CPU in the measured rounds, against ~1 ms once warm, so the
     * p99 measured the JIT's warm-up rather than the served latency (docs/benchmarks.md, run M).
     */
    public int queryWarmUp() {
        return queryWarmUp;
    }

    public int queriesPerRound() {
        return queriesPerRound;
    }

    public int httpAppendsPerClient() {
        return httpAppendsPerClient;
    }

    /** How often the application is started on the largest store for {@code startup.seconds}. */
    public int startups() {
        return startups;
    }

    /** The most stored events whose canonical bytes are hashed with plain SHA-256 for {@code verify.ratio}. */
    public int hashSample() {
        return hashSample;
    }

    /** Appends per round of {@code append.chain_overhead} (each engine). */
    public int chainAppendsPerRound() {
        return chainAppendsPerRound;
    }

    public String id() {
        return name().toLowerCase();
    }

    /** A store size and the suffix of the metrics measured at it. */
    public record Size(String label, long events) {
    }
}
