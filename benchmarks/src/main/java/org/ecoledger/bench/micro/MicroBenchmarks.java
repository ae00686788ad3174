package org.ecoledger.bench.micro;

import org.ecoledger.bench.Mode;
import org.ecoledger.bench.Results;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JMH micro-benchmarks ({@link ChainBenchmarks}, {@link ProofBenchmarks}) in a forked JVM: warm-up iterations,
 * then measured ones; the score is JMH's mean over the measured iterations, its spread their min..max.
 */
public final class MicroBenchmarks {

    /** JMH benchmark method → metric name, and whether the metric is a rate (per second) or a time (µs). */
    private static final Map<String, String> METRICS = Map.of(
            "canonicalEncoding", "micro.canonical_encoding.per_s",
            "entryHashSha256", "micro.entry_hash.sha256.per_s",
            "entryHashSm3", "micro.entry_hash.sm3.per_s",
            "sha256OfCanonicalBytes", "micro.sha256_canonical_bytes.per_s",
            "inclusionProof", "micro.proof.inclusion.1m.us");

    private final Mode mode;
    private final Results results;

    public MicroBenchmarks(Mode mode, Results results) {
        this.mode = mode;
        this.results = results;
    }

    public void run() throws RunnerException {
        boolean quick = mode != Mode.FULL;
        Options rates = options(quick).include(ChainBenchmarks.class.getName())
                                      .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                                      .timeUnit(TimeUnit.SECONDS).build();
        Options times = options(quick).include(ProofBenchmarks.class.getName())
                                      .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                                      .timeUnit(TimeUnit.MICROSECONDS).build();
        collect(new Runner(rates).run());
        collect(new Runner(times).run());
        Double sha = results.get("micro.entry_hash.sha256.per_s");
        Double sm3 = results.get("micro.entry_hash.sm3.per_s");
        if (sha != null && sm3 != null) {
            results.put("micro.entry_hash.sm3_vs_sha256", sm3 / sha);
        }
    }

    private static OptionsBuilder options(boolean quick) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.forks(1)
               .jvmArgs("-Xms1g", "-Xmx2g")
               .warmupIterations(quick ? 1 : 3)
               .warmupTime(TimeValue.seconds(1))
               .measurementIterations(quick ? 2 : 5)
               .measurementTime(TimeValue.seconds(quick ? 1 : 2))
               .shouldFailOnError(true)
               .verbosity(VerboseMode.SILENT);
        return builder;
    }

    private void collect(Collection<RunResult> runs) {
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String metric = METRICS.get(method);
            if (metric == null) {
                continue;
            }
            var statistics = run.getPrimaryResult().getStatistics();
            java.util.List<Double> iterations = new java.util.ArrayList<>();
            run.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults().forEach(
                    iteration -> iterations.add(iteration.getPrimaryResult().getScore())));
            results.put(metric, statistics.getMean(), iterations);
            System.out.println("[micro] " + String.format(Locale.ROOT, "%s: %.2f %s (%d iterations, %.2f..%.2f)",
                                                          metric, statistics.getMean(),
                                                          run.getPrimaryResult().getScoreUnit(), statistics.getN(),
                                                          statistics.getMin(), statistics.getMax()));
        }
    }
}
