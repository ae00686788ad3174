package org.ecoledger.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.ecoledger.bench.Latencies;
import org.ecoledger.bench.Mode;
import org.ecoledger.bench.Profiler;
import org.ecoledger.bench.Results;
import org.ecoledger.bench.Stats;
import org.ecoledger.bench.SvgPlot;
import org.ecoledger.bench.data.BenchCity;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.projections.ProjectionsModule;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The end-to-end figures, measured against the real application ({@link LedgerApp}: {@code ledger.jar} in its own
 * process on the embedded default) on a store filled with a {@link BenchCity}: queries, proofs and verification as
 * users ask them over HTTP, appends by 8 HTTP clients, rebuilding the views after a reset, and start-up.
 */
public final class ApplicationBenchmark {

    /** The views, which a replay rebuilds (the transparency log is not a view and is never replayed). */
    static final List<String> VIEWS = List.copyOf(ProjectionsModule.HANDLER_CLASSES.keySet());
    static final int HTTP_CLIENTS = 8;
    static final int ROUNDS = 3;
    static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(1);
    /** The transparency log's tracking processor, as the health document names it. */
    static final String LOG_PROCESSOR = "transparency-log";
    /** How often the log's position is polled after a round of appends. */
    static final Duration LAG_POLL = Duration.ofMillis(20);

    private final Mode mode;
    private final Results results;
    private final Path jar;
    private final Profiler profiler;
    private final BenchCity city;
    private final TokenIssuer issuer;

    public ApplicationBenchmark(Mode mode, Results results, Path jar, Profiler profiler, BenchCity city,
                                Path work) throws IOException {
        this.issuer = new TokenIssuer(work);
        this.mode = mode;
        this.results = results;
        this.jar = jar;
        this.profiler = profiler;
        this.city = city;
    }

    static void log(String format, Object... args) {
        System.out.println("[app] " + String.format(Locale.ROOT, format, args));
    }

    public LedgerApp start(Path dataDir) throws IOException {
        return LedgerApp.start(jar, dataDir, List.of(), issuer.settings());
    }

    /** Starts the application on the store, waits until the log and every view have caught up; returns it. */
    public LedgerApp startCaughtUp(Path dataDir) throws IOException, InterruptedException {
        LedgerApp app = start(dataDir);
        double healthy = app.awaitHealthy();
        double cpuAtHealthy = app.cpuSeconds();
        long started = System.nanoTime();
        JsonNode health = app.awaitCaughtUp(CATCH_UP_TIMEOUT, List.of());
        log("healthy after %.1f s (%.1f s of CPU); the log and the views caught up with %d events %.1f s later "
                    + "(%.1f s of CPU)", healthy, cpuAtHealthy, endOfLog(health) + 1,
            (System.nanoTime() - started) / 1e9, app.cpuSeconds() - cpuAtHealthy);
        return app;
    }

    static long endOfLog(JsonNode health) {
        return health.path("components").path("processors").path("details").path("endOfLog").asLong();
    }

    // ---------------------------------------------------------------------------------------------------- queries

    /**
     * Dossier, promotion review, incident tracing and inclusion proofs, each by one client over HTTP: a warm-up, then
     * {@value #ROUNDS} rounds; the p99 over every measured request, each round's p99 for the spread.
     *
     * @param suffix the store size's label, or null for the figures the targets name (the largest size)
     */
    public void queries(LedgerApp app, BenchCity.Cursor filled, String label, boolean named, SvgPlot plot)
            throws IOException, InterruptedException {
        int started = filled.officialsStarted();
        Random random = new Random(7);
        ApiClient organization = ApiClient.bearer(app, issuer, "organization");
        ApiClient discipline = ApiClient.bearer(app, issuer, "discipline");
        ApiClient auditor = ApiClient.bearer(app, issuer, "auditor");
        List<BenchCity.Place> villages = city.villages();

        measure("query.dossier", label, named, plot, "dossier", n -> {
            BenchCity.Official official = city.official(random.nextInt(started));
            return ApiClient.expect(organization.get("/api/v1/officials/" + official.id().value() + "/dossier"),
                                    200, "dossier").nanos();
        });
        if (named) {
            // The same with HTTP Basic as a demo user of the embedded default: Spring Security checks the password
            // on every request (after the first sign-in, against a bcrypt hash it upgraded the password to).
            ApiClient basic = ApiClient.basic(app, "organization");
            measure("query.dossier.basic", label, true, null, null, 5, Math.max(5, mode.queriesPerRound() / 5),
                    n -> {
                        BenchCity.Official official = city.official(random.nextInt(started));
                        return ApiClient.expect(basic.get("/api/v1/officials/" + official.id().value()
                                                                  + "/dossier"), 200, "dossier (Basic)").nanos();
                    });
        }
        measure("query.review", label, named, plot, "promotion review", n -> {
            BenchCity.Official official = city.official(random.nextInt(started));
            LocalDate on = official.appointedOn().plusYears(3);
            return ApiClient.expect(organization.get("/api/v1/officials/" + official.id().value()
                                                             + "/promotion-review?on=" + on), 200, "review").nanos();
        });
        measure("query.trace", label, named, plot, "incident tracing", n -> {
            BenchCity.Place village = villages.get(random.nextInt(villages.size()));
            LocalDate on = LocalDate.of(2010, 6, 1).plusDays(random.nextInt(11 * 365));
            return ApiClient.expect(discipline.get("/api/v1/jurisdictions/" + village.code().value()
                                                           + "/responsible?on=" + on), 200, "tracing").nanos();
        });
        long treeSize = checkpointSize(auditor);
        measure("proof.inclusion", label, named, plot, "inclusion proof", n -> {
            for (int attempt = 0; ; attempt++) {
                int index = random.nextInt(started);
                int stored = filled.storedEntries(index);
                if (stored == 0) {
                    continue;
                }
                ApiClient.Answer answer = auditor.get("/api/v1/log/proofs/inclusion?officialId=bench-" + index
                                                              + "&sequence=" + random.nextInt(stored)
                                                              + "&treeSize=" + treeSize);
                if (answer.status() == 200 || attempt >= 10) {
                    return ApiClient.expect(answer, 200, "inclusion proof").nanos();
                }
                // an entry stored after the checkpoint: ask for another
            }
        });
        log("inclusion proofs in the tree of the checkpoint of size %d", treeSize);
    }

    private void measure(String metric, String label, boolean named, SvgPlot plot, String series,
                         IntFunction<Long> request) {
        measure(metric, label, named, plot, series, mode.queryWarmUp(), mode.queriesPerRound(), request);
    }

    private void measure(String metric, String label, boolean named, SvgPlot plot, String series, int warmUp,
                         int perRound, IntFunction<Long> request) {
        try (Profiler.Phase ignored = named ? profiler.process(current.pid(), metric) : () -> { }) {
            for (int n = 0; n < warmUp; n++) {
                request.apply(n);
            }
            double cpuBefore = current.cpuSeconds();
            Latencies latencies = new Latencies();
            for (int round = 0; round < ROUNDS; round++) {
                latencies.newRound();
                for (int n = 0; n < perRound; n++) {
                    latencies.add(request.apply(n));
                }
            }
            double cpuMillis = (current.cpuSeconds() - cpuBefore) * 1e3 / latencies.count();
            double p99 = latencies.percentile(99);
            results.put(metric + ".p99_ms." + label, p99, latencies.perRound(99));
            results.put(metric + ".cpu_ms." + label, cpuMillis);
            results.put(metric + ".p50_ms." + label, latencies.percentile(50), latencies.perRound(50));
            if (named) {
                results.put(metric + ".p99_ms", p99, latencies.perRound(99));
            }
            if (plot != null) {
                plot.add(series + " p99", sizeOf(label), p99);
            }
            log("%s at %s: p50 %.1f ms, p99 %.1f ms (%d requests; %.1f ms of the application's CPU each)", metric,
                label, latencies.percentile(50), p99, latencies.count(), cpuMillis);
        }
    }

    private LedgerApp current;
    private final Map<String, Long> sizes = new java.util.HashMap<>();

    /** Remembers the application and the store size the next measurements are made at. */
    public void at(LedgerApp app, String label, long events) {
        this.current = app;
        sizes.put(label, events);
    }

    private long sizeOf(String label) {
        return sizes.getOrDefault(label, 1L);
    }

    private static long checkpointSize(ApiClient auditor) {
        String note = ApiClient.expect(auditor.get("/api/v1/log/checkpoint"), 200, "checkpoint").body();
        return Long.parseLong(note.split("\n")[1].trim());
    }

    // ----------------------------------------------------------------------------------------------- verification

    /**
     * A verification run over HTTP (every record's chain and the whole log, {@code POST /api/v1/verification-runs}),
     * its rate from the run's own start and finish; and plain SHA-256 over the canonical bytes of the stored events
     * (a sample of up to {@link Mode#hashSample()} events, read with the verifier's own reader) for the ratio.
     */
    public void verification(LedgerApp app) throws InterruptedException {
        ApiClient auditor = ApiClient.bearer(app, issuer, "auditor");
        JsonNode run;
        double cpuBefore = app.cpuSeconds();
        try (Profiler.Phase ignored = profiler.process(app.pid(), "verify")) {
            String runId = ApiClient.expect(auditor.post("/api/v1/verification-runs", ""), 202, "verification run")
                                    .json().path("runId").asText();
            while (true) {
                run = ApiClient.expect(auditor.get("/api/v1/verification-runs/" + runId), 200, "verification run")
                               .json();
                String status = run.path("status").asText();
                if (status.equals("DONE") || status.equals("FAILED")) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        if (!run.path("status").asText().equals("DONE")) {
            throw new IllegalStateException("the verification run failed: " + run);
        }
        JsonNode result = run.path("result");
        double seconds = Duration.between(Instant.parse(run.path("startedAt").asText()),
                                          Instant.parse(run.path("finishedAt").asText())).toNanos() / 1e9;
        long events = result.path("events").asLong();
        double rate = events / seconds;
        results.put("verify.rate", rate);
        results.put("verify.cpu_us_per_event", (app.cpuSeconds() - cpuBefore) * 1e6 / events);
        results.put("verify.valid", result.path("valid").asBoolean() ? 1 : 0);
        log("verification run: %d events, %d records, %d checkpoints in %.1f s (%.0f events/s), valid: %s", events,
            result.path("records").asLong(), result.path("checkpoints").asLong(), seconds, rate,
            result.path("valid").asBoolean());
        if (!result.path("valid").asBoolean()) {
            System.err.println("THE VERIFICATION RUN FOUND PROBLEMS: " + result.path("problems"));
        }

        List<byte[]> canonical = canonicalBytes(app, (int) Math.min(events, mode.hashSample()));
        List<Double> rates = new ArrayList<>();
        long bytes = canonical.stream().mapToLong(b -> b.length).sum();
        for (int round = 0; round < ROUNDS + 1; round++) {
            MessageDigest sha256 = sha256();
            long started = System.nanoTime();
            for (byte[] entry : canonical) {
                sha256.update(entry);
                sha256.digest();
            }
            double roundRate = canonical.size() / ((System.nanoTime() - started) / 1e9);
            if (round > 0) {
                rates.add(roundRate);
            }
        }
        results.putRounds("verify.sha256_rate", rates);
        results.put("verify.ratio", rate / results.get("verify.sha256_rate"));
        log("plain SHA-256 over the canonical bytes of %d stored events (%.0f bytes each): %.0f events/s; "
                    + "verification is %.4f of it", canonical.size(), (double) bytes / canonical.size(),
            results.get("verify.sha256_rate"), results.get("verify.ratio"));
    }

    private List<byte[]> canonicalBytes(LedgerApp app, int wanted) {
        EntryHasher hasher = new EntryHasher(HashAlgorithm.SHA_256);
        List<byte[]> canonical = new ArrayList<>(wanted);
        try (MongoClient client = MongoClients.create(app.storeConnection("ledger"))) {
            RecordVerifier reader = new RecordVerifier(client.getDatabase("ledger"), HashAlgorithm.SHA_256);
            for (int i = 0; i < city.officials() && canonical.size() < wanted; i++) {
                for (StoredEntry entry : reader.storedEntries(city.official(i).id().aggregateIdentifier())) {
                    canonical.add(hasher.canonicalBytes(entry.entry()));
                }
            }
        }
        return canonical;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP appends

    /**
     * {@value #HTTP_CLIENTS} clients, each appending MEETING_HELD entries to hot records of its own over HTTP (as the
     * recorder), as fast as answers come: a warm-up round, then {@value #ROUNDS} rounds; the rate of each round, the
     * p99 of every measured request.
     */
    public void httpAppends(LedgerApp app) throws InterruptedException {
        List<BenchCity.Official> hot = city.hotOfficials();
        ExecutorService clients = Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<ApiClient> recorders = new ArrayList<>();
        for (int c = 0; c < HTTP_CLIENTS; c++) {
            recorders.add(ApiClient.bearer(app, issuer, "recorder"));
        }
        long[] counter = new long[HTTP_CLIENTS];
        Latencies latencies = new Latencies();
        List<Double> rates = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> lags = new ArrayList<>();
        try (Profiler.Phase ignored = profiler.process(app.pid(), "append.http")) {
            for (int round = -1; round < ROUNDS; round++) {
                Latencies into = round < 0 ? new Latencies() : latencies;
                into.newRound();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                int perClient = mode.httpAppendsPerClient();
                for (int c = 0; c < HTTP_CLIENTS; c++) {
                    int client = c;
                    done.add(clients.submit(() -> {
                        start.await();
                        for (int n = 0; n < perClient; n++) {
                            long count = counter[client]++;
                            BenchCity.Official official = hot.get((int) ((client + HTTP_CLIENTS * count)
                                                                          % hot.size()));
                            String body = String.format(Locale.ROOT, "{\"type\":\"MEETING_HELD\",\"occurredOn\":\"%s\","
                                                                + "\"postId\":\"%s\",\"body\":\"%s\",\"topics\":[\"%s\"],"
                                                                + "\"sourceDocument\":\"基准环发〔2019〕%d号\"}",
                                                        BenchCity.hotDate(count), official.post().id().value(),
                                                        official.post().body(),
                                                        BenchCity.topics((int) count).get(0), count);
                            into.add(ApiClient.expect(recorders.get(client).post(
                                    "/api/v1/officials/" + official.id().value() + "/entries", body), 201,
                                                      "append").nanos());
                        }
                        return null;
                    }));
                }
                double cpuBefore = app.cpuSeconds();
                long started = System.nanoTime();
                start.countDown();
                for (Future<?> future : done) {
                    future.get();
                }
                long lastAppended = System.nanoTime();
                double rate = HTTP_CLIENTS * perClient / ((lastAppended - started) / 1e9);
                double cpuMillis = (app.cpuSeconds() - cpuBefore) * 1e3 / (HTTP_CLIENTS * perClient);
                app.awaitCaughtUp(CATCH_UP_TIMEOUT, List.of(LOG_PROCESSOR), LAG_POLL);
                double lagMillis = (System.nanoTime() - lastAppended) / 1e6;
                if (round >= 0) {
                    rates.add(rate);
                    cpu.add(cpuMillis);
                    lags.add(lagMillis);
                }
                log("HTTP appends, %s: %.0f /s; the log held the last one %.0f ms after it was answered",
                    round < 0 ? "warm-up" : "round " + (round + 1), rate, lagMillis);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an HTTP append failed", e.getCause());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the application's health failed", e);
        } finally {
            clients.shutdownNow();
        }
        results.putRounds("append.http.rate", rates);
        results.putRounds("append.http.cpu_ms", cpu);
        results.putRounds("log.lag_ms", lags);
        results.put("append.http.p99_ms", latencies.percentile(99), latencies.perRound(99));
        results.put("append.http.p50_ms", latencies.percentile(50), latencies.perRound(50));
        log("HTTP appends by %d clients: %.0f /s, p50 %.1f ms, p99 %.1f ms", HTTP_CLIENTS,
            results.get("append.http.rate"), latencies.percentile(50), latencies.percentile(99));
    }

    // ----------------------------------------------------------------------------------------------------- replay

    /**
     * Rebuilds every view as an administrator does: {@code POST /api/v1/views/{view}/replay} for each view at once
     * (each replay stops its processor, resets its tokens — the projection's {@code @ResetHandler} clears its
     * collections — and starts it again from the beginning of the log), then follows
     * {@code GET /api/v1/views/{view}/replay} until every view is DONE. The rate is the events of the log over the
     * time from the first request to the last view done, clearing the views included; {@code replay.clear_seconds}
     * is how long the last view took to leave STARTING (its collections cleared and its tokens reset), as polled.
     */
    public void replay(Path dataDir) throws IOException, InterruptedException {
        try (LedgerApp app = startCaughtUp(dataDir)) {
            ApiClient admin = ApiClient.bearer(app, issuer, "admin");
            try (Profiler.Phase ignored = profiler.process(app.pid(), "replay")) {
                double cpuBefore = app.cpuSeconds();
                long startedAt = System.nanoTime();
                for (String view : VIEWS) {
                    ApiClient.expect(admin.post("/api/v1/views/" + view + "/replay", ""), 202, "replay of " + view);
                }
                Map<String, JsonNode> done = new LinkedHashMap<>();
                Map<String, Double> cleared = new LinkedHashMap<>();
                long deadline = startedAt + CATCH_UP_TIMEOUT.toNanos();
                long lastLog = startedAt;
                while (done.size() < VIEWS.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the views' replays did not finish within " + CATCH_UP_TIMEOUT);
                    }
                    boolean logNow = System.nanoTime() - lastLog > 30_000_000_000L;
                    for (String view : VIEWS) {
                        if (done.containsKey(view)) {
                            continue;
                        }
                        JsonNode status = ApiClient.expect(admin.get("/api/v1/views/" + view + "/replay"), 200,
                                                           "replay of " + view).json();
                        String state = status.path("state").asText();
                        if (state.equals("FAILED") || state.equals("ELSEWHERE")) {
                            throw new IllegalStateException("the replay of " + view + " ended " + state + ": "
                                                                    + status);
                        }
                        if (!state.equals("STARTING")) {
                            cleared.putIfAbsent(view, (System.nanoTime() - startedAt) / 1e9);
                        }
                        if (state.equals("DONE")) {
                            done.put(view, status);
                        } else if (logNow) {
                            log("replay of %s: %s, %d of %d events", view, state, status.path("done").asLong(),
                                status.path("total").asLong());
                        }
                    }
                    if (logNow) {
                        lastLog = System.nanoTime();
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - startedAt) / 1e9;
                long events = done.values().stream().mapToLong(status -> status.path("total").asLong()).max()
                                  .orElse(0);
                double rate = events / seconds;
                double clearSeconds = cleared.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                results.put("replay.rate", rate);
                results.put("replay.clear_seconds", clearSeconds);
                results.put("replay.cpu_us_per_event", (app.cpuSeconds() - cpuBefore) * 1e6 / events);
                done.forEach((view, status) -> log("replay of %s: %d events, %s to %s", view,
                                                   status.path("total").asLong(), status.path("startedAt").asText(),
                                                   status.path("finishedAt").asText()));
                log("views rebuilt over HTTP: %d events in %.1f s (the views cleared after %s s): %.0f events/s", events,
                    seconds, cleared, rate);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- startup

    /** Starts the application on the filled store {@link Mode#startups()} times; seconds from launch to UP. */
    public void startup(Path dataDir, long events) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int n = 0; n < mode.startups(); n++) {
            List<String> recording = n == 0 ? profiler.fromStart("startup") : List.of();
            try (LedgerApp app = LedgerApp.start(jar, dataDir, recording, issuer.settings())) {
                seconds.add(app.awaitHealthy());
                cpu.add(app.cpuSeconds());
                if (n == 0) {
                    profiler.started(app.pid(), "startup");
                }
            }
        }
        results.putRounds("startup.seconds", seconds);
        results.putRounds("startup.cpu_seconds", cpu);
        log("start to healthy on %d events: %s s", events, seconds.stream()
                                                                  .map(s -> String.format(Locale.ROOT, "%.1f", s))
                                                                  .toList());
    }

    static double median(List<Double> values) {
        return Stats.median(values);
    }
}
