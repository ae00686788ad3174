package org.ecoledger.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application, {@code ledger.jar}, started as its own process on a data directory, exactly as an operator
 * starts it ({@code java -jar ledger.jar}), on loopback ports of its own. Its output goes to a log file beside the
 * data directory.
 */
public final class LedgerApp implements AutoCloseable {

    /** How long a start may take before the benchmark gives up. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final int storePort;
    private final long launchedAt;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private double secondsToHealthy = -1;
    private long endOfLog = -1;

    /** Stops the application if the harness itself is stopped. */
    private final Thread stopOnExit;

    private LedgerApp(Process process, int port, int storePort, long launchedAt) {
        this.process = process;
        this.stopOnExit = new Thread(process::destroy, "stop-ledger-app");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        this.port = port;
        this.storePort = storePort;
        this.launchedAt = launchedAt;
    }

    /**
     * Starts {@code jar} on {@code dataDir} (the embedded default store) and returns as soon as the process runs;
     * {@link #awaitHealthy()} waits for {@code /actuator/health} to answer UP.
     *
     * @param jvmOptions extra JVM options (e.g. a flight recording), before {@code -jar}
     */
    public static LedgerApp start(Path jar, Path dataDir, List<String> jvmOptions, Map<String, String> settings)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the application jar " + jar + " is missing: build it with "
                                                    + "./mvnw -B -DskipTests package (bench/run does)");
        }
        int port = freePort();
        int storePort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("LEDGER_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("LEDGER_EMBEDDED_MONGODB_PORT", Integer.toString(storePort));
        env.put("LEDGER_DEMO_DATA", "false");
        env.remove("LEDGER_MONGODB_URI");
        env.putAll(settings);
        Path log = dataDir.toAbsolutePath().getParent().resolve(dataDir.getFileName() + "-app.log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long launched = System.nanoTime();
        return new LedgerApp(builder.start(), port, storePort, launched);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health} answers 200 UP; returns the seconds from the launch of the process. */
    public double awaitHealthy() throws InterruptedException {
        long deadline = launchedAt + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue()
                                                        + " while starting; see its log beside the data directory");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).path("status").asText()
                                                        .equals("UP")) {
                    secondsToHealthy = (System.nanoTime() - launchedAt) / 1e9;
                    return secondsToHealthy;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the application was not healthy after " + START_TIMEOUT);
    }

    /** The health document (with the processors' positions). */
    public JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                                                             .timeout(Duration.ofSeconds(30)).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /**
     * Waits until every tracking processor named by {@code processors} (all when empty) has reached the end of the
     * log, polling the health document; returns the last one read.
     */
    public JsonNode awaitCaughtUp(Duration timeout, List<String> processors) throws IOException, InterruptedException {
        return awaitCaughtUp(timeout, processors, Duration.ofMillis(250));
    }

    /** As {@link #awaitCaughtUp(Duration, List)}, polling every {@code poll}. */
    public JsonNode awaitCaughtUp(Duration timeout, List<String> processors, Duration poll)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode health = health();
            if (caughtUp(health, processors)) {
                endOfLog = health.path("components").path("processors").path("details").path("endOfLog").asLong();
                return health;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not catch up within " + timeout + ": "
                                                        + health.path("components").path("processors"));
            }
            Thread.sleep(poll.toMillis());
        }
    }

    static boolean caughtUp(JsonNode health, List<String> processors) {
        JsonNode details = health.path("components").path("processors").path("details");
        long end = details.path("endOfLog").asLong(-1);
        JsonNode all = details.path("processors");
        if (all.isMissingNode() || all.isEmpty()) {
            return false;
        }
        var names = all.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!processors.isEmpty() && !processors.contains(name)) {
                continue;
            }
            JsonNode processor = all.get(name);
            if (processor.path("error").asBoolean(false)) {
                throw new IllegalStateException("processor " + name + " is in error");
            }
            if (!processor.has("position") || processor.path("position").asLong() < end) {
                return false;
            }
        }
        return true;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** The connection string of the embedded store while the application runs. */
    public String storeConnection(String database) {
        return "mongodb://127.0.0.1:" + storePort + "/" + database;
    }

    /** The global index of the last event, when the processors were last seen caught up. */
    public long endOfLog() {
        return endOfLog;
    }

    public double secondsToHealthy() {
        return secondsToHealthy;
    }

    public long pid() {
        return process.pid();
    }

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    /**
     * The CPU time the application's process has used so far (user + system, all threads; {@code /proc/<pid>/stat}),
     * in seconds; -1 where there is no /proc. Differences of it show the work a phase cost the application, which
     * moves much less than wall time when other programs share the cores.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based, of the whole line)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops the application as an operator does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
