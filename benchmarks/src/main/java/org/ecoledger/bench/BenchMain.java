package org.ecoledger.bench;

import org.ecoledger.bench.append.AppendBenchmark;
import org.ecoledger.bench.imports.ImportBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark harness behind {@code bench/run}: measures every scenario in one run, writes
 * {@code bench/results/<timestamp>-<mode>.json} and the plots beside it, and prints a table of figures and targets.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick | --full] [--out bench/results] [--work DIR]
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.QUICK;
        Path out = Path.of("bench", "results");
        Path work = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Mode.QUICK;
                case "--full" -> mode = Mode.FULL;
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench/run [--quick | --full] [--out DIR] [--work DIR]");
                    System.exit(2);
                }
            }
        }
        System.setProperty("disable-axoniq-console-message", "true");
        Instant started = Instant.now();
        Path workDirectory = work != null ? work : Files.createTempDirectory("ledger-bench-");
        Results results = new Results(mode, started);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        try {
            SvgPlot appendPlot = new AppendBenchmark(mode, results, workDirectory).run();
            Files.createDirectories(out);
            Files.writeString(out.resolve(stamp + "-" + mode.id() + "-append-rate.svg"), appendPlot.render());
            new ImportBenchmark(mode, results, workDirectory).run();
        } finally {
            if (work == null) {
                deleteRecursively(workDirectory);
            }
        }
        Path file = results.write(out);
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
