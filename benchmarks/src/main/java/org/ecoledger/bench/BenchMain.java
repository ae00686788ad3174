package org.ecoledger.bench;

import org.ecoledger.bench.append.AppendBenchmark;
import org.ecoledger.bench.data.BenchCity;
import org.ecoledger.bench.imports.ImportBenchmark;
import org.ecoledger.bench.ledger.ApplicationBenchmark;
import org.ecoledger.bench.ledger.LedgerApp;
import org.ecoledger.bench.micro.MicroBenchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark harness behind {@code bench/run}: measures every scenario in one run, writes
 * {@code bench/results/<timestamp>-<mode>.json} and the plots beside it, and prints a table of figures and targets.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick | --full] [--out bench/results] [--work DIR]
 *      [--app ledger-api/target/ledger.jar] [--only micro,ledger,chain,peer] [--profile]
 * </pre>
 *
 * A scenario is one step of {@link #SCENARIOS}; a new one (the import path's, say) is a class with a
 * {@code run(Context)} added there, writing its figures into {@link Context#results()}.
 */
public final class BenchMain {

    /** One measured scenario of a run. */
    @FunctionalInterface
    public interface Scenario {
        void run(Context context) throws Exception;
    }

    /** What a scenario needs: the run's mode, where its figures and plots go, a work directory, the app's jar. */
    public record Context(Mode mode, Results results, Path work, Path appJar, Profiler profiler, BenchCity city,
                          SvgPlot appendPlot, SvgPlot queryPlot) {
    }

    /** The scenarios, by name, in the order a run measures them. */
    static final List<String> SCENARIOS = List.of("micro", "ledger", "chain", "peer", "import");

    private BenchMain() {
    }

    static Scenario scenario(String name) {
        return switch (name) {
            case "micro" -> context -> new MicroBenchmarks(context.mode(), context.results()).run();
            case "ledger" -> BenchMain::ledger;
            case "chain" -> context -> append(context).chainOverhead();
            case "peer" -> context -> append(context).peer(context.queryPlot());
            case "import" -> context -> new ImportBenchmark(context.mode(), context.results(), context.work()).run();
            default -> throw new IllegalArgumentException("no scenario " + name + "; there are " + SCENARIOS);
        };
    }

    private static AppendBenchmark append(Context context) {
        return new AppendBenchmark(context.mode(), context.results(), context.work(), context.profiler(),
                                   context.city(), context.appendPlot());
    }

    /**
     * The ledger at every store size: appends through the command bus and record reads in this process; then, up
     * to {@link Mode#applicationLargest()}, the application on the same store for queries and proofs, and at that
     * size also verification and HTTP appends, start-up, and the views rebuilt after a reset.
     */
    private static void ledger(Context context) throws Exception {
        AppendBenchmark append = append(context);
        ApplicationBenchmark application = new ApplicationBenchmark(context.mode(), context.results(),
                                                                    context.appJar(), context.profiler(),
                                                                    context.city(), context.work());
        Path data = append.oursDirectory();
        Mode.Size applicationLargest = context.mode().applicationLargest();
        context.results().note("sizes.application", applicationLargest.label());
        append.ours(context.queryPlot(), (size, filled, largest) -> {
            boolean named = size.equals(applicationLargest);
            if (size.events() > applicationLargest.events()
                    || !named && !context.mode().applicationAtEverySize()) {
                return;
            }
            long stored;
            try (LedgerApp app = application.startCaughtUp(data)) {
                stored = app.endOfLog() + 1;
                application.at(app, size.label(), size.events());
                application.queries(app, filled, size.label(), named, context.queryPlot());
                if (named) {
                    application.verification(app);
                    application.httpAppends(app);
                }
            }
            if (named) {
                application.startup(data, stored);
                application.replay(data);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.QUICK;
        Path out = Path.of("bench", "results");
        Path work = null;
        Path app = Path.of("ledger-api", "target", "ledger.jar");
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Mode.QUICK;
                case "--full" -> mode = Mode.FULL;
                case "--smoke" -> mode = Mode.SMOKE;
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--app" -> app = Path.of(args[++i]);
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--profile" -> profile = true;
                default -> {
                    System.err.println("usage: bench/run [--quick | --full] [--out DIR] [--work DIR] [--app JAR] "
                                               + "[--only " + String.join(",", SCENARIOS) + "] [--profile]");
                    System.exit(2);
                }
            }
        }
        System.setProperty("disable-axoniq-console-message", "true");
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        String name = stamp + "-" + mode.id() + (profile ? "-profiled" : "");
        Path workDirectory = work != null ? work : Files.createTempDirectory("ledger-bench-");
        Files.createDirectories(workDirectory);
        Results results = new Results(mode, started);
        Profiler profiler = profile ? Profiler.into(out.resolve("profiles").resolve(name)) : Profiler.off();
        SvgPlot appendPlot = new SvgPlot("Appends through the command bus, embedded default (durable)",
                                         "events already stored", "appends/s (one client)");
        SvgPlot queryPlot = new SvgPlot("Query latency p99 (HTTP; record reads in process)",
                                        "events stored", "p99 (ms)");
        Context context = new Context(mode, results, workDirectory, app, profiler,
                                      new BenchCity(mode.officials(), mode.eventsPerOfficial()), appendPlot,
                                      queryPlot);
        try {
            for (String scenario : SCENARIOS) {
                if (only.remove(scenario)) {
                    long begin = System.nanoTime();
                    System.out.println("== " + scenario);
                    scenario(scenario).run(context);
                    System.out.printf("== %s took %.0f s%n", scenario, (System.nanoTime() - begin) / 1e9);
                }
            }
            if (!only.isEmpty()) {
                throw new IllegalArgumentException("no scenario " + only + "; there are " + SCENARIOS);
            }
        } finally {
            if (work == null) {
                deleteRecursively(workDirectory);
            }
        }
        Files.createDirectories(out);
        if (!appendPlot.isEmpty()) {
            Files.writeString(out.resolve(name + "-append-rate.svg"), appendPlot.render());
        }
        if (!queryPlot.isEmpty()) {
            Files.writeString(out.resolve(name + "-query-p99.svg"), queryPlot.render());
        }
        Path file = results.write(out, name);
        System.out.println();
        System.out.println(results.table());
        System.out.printf("%s run took %.0f s; results in %s%n", mode.id(),
                          (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0, file);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }
}
