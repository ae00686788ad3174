package org.ecoledger.bench.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.ecoledger.bench.Mode;
import org.ecoledger.bench.Results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code import.rate}: entries per second through the import path of the real application — {@code ledger.jar}
 * started as its own process on the embedded default (every batch committed to the file before the next, the
 * default {@code LEDGER_EMBEDDED_SYNC=commit}; every entry chained), a CSV file uploaded to
 * {@code POST /api/v1/imports}, and {@code GET /api/v1/imports/{id}} followed to the end. The rate is the appended
 * entries divided by the import's own running time ({@code startedAt} to {@code finishedAt}: reading, judging,
 * writing); {@code import.rate.wall} divides by the time from the start of the upload to the end, and
 * {@code import.rate.cpu_us_per_entry} is the ledger process's CPU time per entry (all its threads: the import,
 * the embedded store, the projections and the log catching up), which bounds the rate on an idle machine and does not
 * depend on what else the machine runs.
 *
 * <p>The file: {@link #OFFICIALS} officials, each a registration, an appointment as a city party secretary and then
 * alternating standing-committee meetings and led inspections, one a day. {@code import.rate} has each official's
 * rows together (a record's history as one office keeps it); {@code import.rate.interleaved} has the same rows
 * sorted by date across officials (the import then writes smaller batches).
 */
public final class ImportBenchmark {

    /** Officials in the file. */
    static final int OFFICIALS = 100;
    static final String CITY = "139900000000";
    static final String HEADER = "officialId,type,occurredOn,name,postId,jurisdictionCode,role,responsibilityKind,"
            + "body,topics,location,findings\n";

    private final Mode mode;
    private final Results results;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public ImportBenchmark(Mode mode, Results results, Path work) {
        this.mode = mode;
        this.results = results;
        this.work = work;
    }

    /** Rows in the benchmark's file: the 100,000 on the full run, 20,000 on the quick one. */
    int rows() {
        return mode == Mode.FULL ? 100_000 : 20_000;
    }

    public void run() throws Exception {
        Path jar = Path.of(System.getProperty("bench.ledgerJar", "ledger-api/target/ledger.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the import benchmark runs " + jar + "; build it first (bench/run does)");
        }
        Path directory = Files.createDirectories(work.resolve("import"));
        Path grouped = directory.resolve("grouped.csv");
        Path interleaved = directory.resolve("interleaved.csv");
        write(grouped, "a", false);
        write(interleaved, "b", true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process ledger = new ProcessBuilder(javaCommand(jar, directory.resolve("data"), port))
                .redirectErrorStream(true).redirectOutput(directory.resolve("ledger.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp(base, ledger);
            send("admin", "POST", base + "/api/v1/jurisdictions", "{\"code\":\"" + CITY + "\",\"name\":\"基准市\","
                    + "\"level\":\"CITY\",\"validFrom\":\"1990-01-01\"}", 201);
            measure(base, grouped, "import.rate", ledger);
            measure(base, interleaved, "import.rate.interleaved", ledger);
        } finally {
            ledger.destroy();
            if (!ledger.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                ledger.destroyForcibly();
            }
        }
    }

    private static List<String> javaCommand(Path jar, Path dataDir, int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx4g", "-XX:+UseG1GC"));
        String jfr = System.getProperty("bench.importJfr");
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                               "--ledger.data-dir=" + dataDir, "--ledger.embedded-mongodb-port=0",
                               "--ledger.mongodb-uri=", "--ledger.demo-data=false",
                               "--ledger.security.demo-users=true"));
        return command;
    }

    /** Writes the file; {@code prefix} keeps the two files' officials apart. */
    void write(Path file, String prefix, boolean byDate) throws IOException {
        int perOfficial = rows() / OFFICIALS;
        LocalDate appointed = LocalDate.of(2015, 1, 5);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            if (!byDate) {
                for (int o = 0; o < OFFICIALS; o++) {
                    for (int r = 0; r < perOfficial; r++) {
                        out.write(row(prefix, o, r, appointed));
                    }
                }
            } else {
                for (int r = 0; r < perOfficial; r++) {
                    for (int o = 0; o < OFFICIALS; o++) {
                        out.write(row(prefix, o, r, appointed));
                    }
                }
            }
        }
    }

    private static String row(String prefix, int official, int row, LocalDate appointed) {
        String id = "bench-" + prefix + "-" + official;
        String post = "post-" + prefix + "-" + official;
        if (row == 0) {
            return id + ",REGISTERED," + appointed.minusDays(30) + ",基准" + official + ",,,,,,,,\n";
        }
        if (row == 1) {
            return id + ",APPOINTED," + appointed + ",," + post + "," + CITY + ",PARTY_SECRETARY,OVERALL,,,,\n";
        }
        LocalDate on = appointed.plusDays(row);
        if (row % 2 == 0) {
            return id + ",MEETING_HELD," + on + ",," + post + ",,,,STANDING_COMMITTEE,研究大气污染防治|部署整改第" + row
                    + "项,,\n";
        }
        return id + ",INSPECTION_LED," + on + ",," + post + ",,,,,,北戴河第" + row + "监测点,入海河流排污口两处\n";
    }

    private void measure(String base, Path file, String metric, Process ledger) throws Exception {
        Duration cpuBefore = ledger.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        String boundary = "bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Instant started = Instant.now();
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", basic("recorder"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                                                        HttpRequest.BodyPublishers.ofFile(file),
                                                        HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        HttpResponse<String> accepted = http.send(upload, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = json.readTree(accepted.body()).path("importId").asText();
        JsonNode status;
        long lastLog = 0;
        while (true) {
            status = json.readTree(send("recorder", "GET", base + "/api/v1/imports/" + id, null, 200));
            String state = status.path("status").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                break;
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                log("%s: %d of %d rows, %.0f rows/s", metric, status.path("rows").asLong(),
                    status.path("rowsTotal").asLong(), status.path("rowsPerSecond").asDouble());
            }
            // HTTP Basic checks a bcrypt hash on every request (~0.1 s of CPU): poll seldom, not to load the ledger
            Thread.sleep(2_000);
        }
        Instant ended = Instant.now();
        if (!"DONE".equals(status.path("status").asText()) || status.path("rejectedCount").asLong() != 0
                || status.path("appended").asLong() != rows()) {
            throw new IllegalStateException("the benchmark's import did not append every row: " + status);
        }
        double seconds = Duration.between(Instant.parse(status.path("startedAt").asText()),
                                          Instant.parse(status.path("finishedAt").asText())).toMillis() / 1000.0;
        double wall = Duration.between(started, ended).toMillis() / 1000.0;
        double rate = rows() / seconds;
        Duration cpu = ledger.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
        results.put(metric, rate);
        results.put(metric + ".wall", rows() / wall);
        // CPU time of the ledger's process per entry: what the rate would be bound by on an idle machine
        results.put(metric + ".cpu_us_per_entry", cpu.toNanos() / 1000.0 / rows());
        log("%s: %,d entries in %.1f s = %,.0f entries/s (%.1f s and %,.0f /s from the upload's start); the "
                + "ledger's process used %.1f s of CPU, %.0f µs an entry", metric, rows(), seconds, rate, wall,
            rows() / wall, cpu.toMillis() / 1000.0, cpu.toNanos() / 1000.0 / rows());
    }

    private String send(String user, String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
                                                 .header("Authorization", basic(user));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + " "
                                                    + answer.body());
        }
        return answer.body();
    }

    private void awaitUp(String base, Process ledger) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!ledger.isAlive()) {
                throw new IllegalStateException("the ledger stopped at start-up; see its log under " + work);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the ledger did not start within 3 minutes");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[import] " + format + "%n", args);
    }

    /**
     * Runs this benchmark alone: {@code java -cp benchmarks/target/benchmarks.jar
     * org.ecoledger.bench.imports.ImportBenchmark [--quick | --full] [--work DIR]}; prints the figures.
     */
    public static void main(String[] args) throws Exception {
        Mode mode = java.util.Arrays.asList(args).contains("--full") ? Mode.FULL : Mode.QUICK;
        int at = java.util.Arrays.asList(args).indexOf("--work");
        Path work = at >= 0 ? Path.of(args[at + 1]) : Files.createTempDirectory("ledger-import-bench-");
        Results results = new Results(mode, Instant.now());
        new ImportBenchmark(mode, results, work).run();
        System.out.println(results.table());
    }
}
