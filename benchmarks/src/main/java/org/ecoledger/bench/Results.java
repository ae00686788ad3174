package org.ecoledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: {@code {"mode", "machine", "metrics": {name: value}}}, written to
 * {@code bench/results/<timestamp>.json} and printed as a table with each target.
 */
public final class Results {

    private final Mode mode;
    private final Instant startedAt;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final String loadAtStart = loadAverage();
    private final Map<String, List<Double>> rounds = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    public Results(Mode mode, Instant startedAt) {
        this.mode = mode;
        this.startedAt = startedAt;
    }

    public void put(String metric, double value) {
        metrics.put(metric, value);
    }

    /** A metric measured in several rounds: the median is the figure, the rounds are kept for the spread. */
    public void putRounds(String metric, List<Double> values) {
        rounds.put(metric, List.copyOf(values));
        metrics.put(metric, Stats.median(values));
    }

    /** A metric over every measurement of several rounds, with each round's figure for the spread. */
    public void put(String metric, double value, List<Double> perRound) {
        metrics.put(metric, value);
        rounds.put(metric, List.copyOf(perRound));
    }

    /** A fact about the run that the figures depend on (e.g. the store size the application was measured at). */
    public void note(String key, String value) {
        notes.put(key, value);
    }

    public Double get(String metric) {
        return metrics.get(metric);
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Writes {@code <directory>/<name>.json}. */
    public Path write(Path directory, String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", mode.id());
        root.put("startedAt", startedAt.toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        // Other work on the machine slows every figure; the load average shows how much there was.
        machine.put("loadAverageAtStart", loadAtStart);
        machine.put("loadAverageAtEnd", loadAverage());
        ObjectNode facts = root.putObject("notes");
        notes.forEach(facts::put);
        ObjectNode values = root.putObject("metrics");
        metrics.forEach((metric, value) -> values.put(metric, round(value)));
        ObjectNode spread = root.putObject("rounds");
        rounds.forEach((metric, list) -> {
            var array = spread.putArray(metric);
            list.forEach(v -> array.add(round(v)));
        });
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".json");
        mapper.writeValue(file.toFile(), root);
        return file;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The table printed at the end of a run: every metric, its spread, its target and whether it holds. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-36s %14s %24s  %-32s %s%n", "metric", "value", "rounds (min..max)",
                                 "target", "holds"));
        for (Map.Entry<String, Double> entry : metrics.entrySet()) {
            String name = entry.getKey();
            List<Double> list = rounds.get(name);
            String spread = list == null || list.size() < 2 ? ""
                    : String.format(Locale.ROOT, "%d: %.2f..%.2f", list.size(), Stats.min(list), Stats.max(list));
            Targets.Target target = Targets.of(name);
            String holds = target == null ? "" : target.holds(this) ? "yes" : "NO";
            out.append(String.format(Locale.ROOT, "%-36s %14.2f %24s  %-32s %s%n", name, entry.getValue(), spread,
                                     target == null ? "" : target.description(), holds));
        }
        return out.toString();
    }
}
