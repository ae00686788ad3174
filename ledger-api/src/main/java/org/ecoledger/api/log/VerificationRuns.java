package org.ecoledger.api.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.ecoledger.core.logstore.AuditProblem;
import org.ecoledger.core.logstore.AuditReport;
import org.ecoledger.core.logstore.LedgerAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 核验任务 (verification runs): a {@link LedgerAudit} of every record's chain and of the log, in the background, one
 * at a time per node, with its progress and report kept in {@code verification_runs} (so any node can answer for
 * it). The last finished run is remembered for {@code /actuator/health}.
 */
public class VerificationRuns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);

    /** The collection of runs. */
    public static final String COLLECTION = "verification_runs";
    /** How often a run's progress is written. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
    /** The document that points at the last finished run. */
    static final String LAST_FINISHED = "last-finished";

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    private final MongoCollection<BsonDocument> runs;
    private final LedgerAudit audit;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "verification-run");
        thread.setDaemon(true);
        return thread;
    });

    VerificationRuns(MongoDatabase database, LedgerAudit audit, Clock clock) {
        this.runs = database.getCollection(COLLECTION, BsonDocument.class);
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a run in the background; returns its id. */
    public String start(String trigger) {
        String runId = UUID.randomUUID().toString();
        runs.insertOne(new BsonDocument("_id", new BsonString(runId))
                               .append("status", new BsonString(Status.QUEUED.name()))
                               .append("trigger", new BsonString(trigger))
                               .append("queuedAt", new BsonString(clock.instant().toString()))
                               .append("done", new BsonInt64(0))
                               .append("total", new BsonInt64(0)));
        executor.execute(() -> run(runId));
        return runId;
    }

    private void run(String runId) {
        Instant started = clock.instant();
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(
                Updates.set("status", Status.RUNNING.name()), Updates.set("startedAt", started.toString())));
        long[] lastWrite = {0};
        try {
            AuditReport report = audit.run((done, total) -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] >= PROGRESS_INTERVAL.toNanos()) {
                    lastWrite[0] = now;
                    runs.updateOne(Filters.eq("_id", runId), Updates.combine(
                            Updates.set("done", done), Updates.set("total", total),
                            Updates.set("updatedAt", clock.instant().toString())));
                }
            });
            long units = report.events() + report.records() + report.checkpoints();
            runs.updateOne(Filters.eq("_id", runId), Updates.combine(
                    Updates.set("status", Status.DONE.name()), Updates.set("done", units),
                    Updates.set("total", units), Updates.set("finishedAt", clock.instant().toString()),
                    Updates.set("result", toBson(report))));
            if (!report.valid()) {
                log.error("Verification run {} found {} problem(s); the first: {}", runId, report.problemCount(),
                          report.problems().get(0));
            } else {
                log.info("Verification run {}: {} events, {} records, {} checkpoints verified", runId,
                         report.events(), report.records(), report.checkpoints());
            }
        } catch (RuntimeException e) {
            log.error("Verification run {} failed", runId, e);
            runs.updateOne(Filters.eq("_id", runId), Updates.combine(
                    Updates.set("status", Status.FAILED.name()), Updates.set("finishedAt", clock.instant().toString()),
                    Updates.set("error", String.valueOf(e.getMessage()))));
        }
        runs.replaceOne(Filters.eq("_id", LAST_FINISHED),
                        new BsonDocument("_id", new BsonString(LAST_FINISHED)).append("runId", new BsonString(runId)),
                        new ReplaceOptions().upsert(true));
    }

    private static BsonDocument toBson(AuditReport report) {
        BsonArray problems = new BsonArray();
        for (AuditProblem problem : report.problems()) {
            problems.add(new BsonDocument("item", new BsonString(problem.item()))
                                 .append("problem", new BsonString(problem.problem()))
                                 .append("expected", text(problem.expected()))
                                 .append("actual", text(problem.actual())));
        }
        return new BsonDocument("valid", BsonBoolean.valueOf(report.valid()))
                .append("events", new BsonInt64(report.events()))
                .append("records", new BsonInt64(report.records()))
                .append("logSize", new BsonInt64(report.logSize()))
                .append("checkpoints", new BsonInt64(report.checkpoints()))
                .append("problemCount", new BsonInt64(report.problemCount()))
                .append("problems", problems);
    }

    private static BsonValue text(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    /** A run as {@code GET /api/v1/verification-runs/{runId}} shows it. */
    public Optional<RunView> find(String runId) {
        if (LAST_FINISHED.equals(runId)) {
            return Optional.empty();
        }
        BsonDocument run = runs.find(Filters.eq("_id", runId)).first();
        return Optional.ofNullable(run).map(this::toView);
    }

    /** The last run that finished (done or failed), if any. */
    public Optional<RunView> lastFinished() {
        BsonDocument pointer = runs.find(Filters.eq("_id", LAST_FINISHED)).first();
        return pointer == null ? Optional.empty() : find(pointer.getString("runId").getValue());
    }

    private RunView toView(BsonDocument run) {
        long done = run.getInt64("done").getValue();
        long total = run.getInt64("total").getValue();
        Instant started = instant(run, "startedAt");
        Instant until = Optional.ofNullable(instant(run, "finishedAt")).orElse(clock.instant());
        Double rate = null;
        Long secondsLeft = null;
        if (started != null) {
            double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
            rate = done / seconds;
            secondsLeft = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        }
        Result result = null;
        if (run.containsKey("result")) {
            BsonDocument r = run.getDocument("result");
            List<Problem> problems = new ArrayList<>();
            for (BsonValue value : r.getArray("problems")) {
                BsonDocument p = value.asDocument();
                problems.add(new Problem(p.getString("item").getValue(), p.getString("problem").getValue(),
                                         p.isString("expected") ? p.getString("expected").getValue() : null,
                                         p.isString("actual") ? p.getString("actual").getValue() : null));
            }
            result = new Result(r.getBoolean("valid").getValue(), r.getInt64("events").getValue(),
                                r.getInt64("records").getValue(), r.getInt64("logSize").getValue(),
                                r.getInt64("checkpoints").getValue(), r.getInt64("problemCount").getValue(),
                                problems);
        }
        return new RunView(run.getString("_id").getValue(), Status.valueOf(run.getString("status").getValue()),
                           run.getString("trigger").getValue(), started, instant(run, "finishedAt"), done, total,
                           rate, secondsLeft, result, run.isString("error") ? run.getString("error").getValue() : null);
    }

    private static Instant instant(BsonDocument document, String field) {
        return document.isString(field) ? Instant.parse(document.getString(field).getValue()) : null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Progress and result of a run. */
    public record RunView(String runId, Status status, String trigger, Instant startedAt, Instant finishedAt,
                          long done, long total, Double rate, Long secondsLeft, Result result, String error) {
    }

    /** A finished run's report; {@code problems} are the first {@value LedgerAudit#MAX_PROBLEMS_KEPT}. */
    public record Result(boolean valid, long events, long records, long logSize, long checkpoints,
                         long problemCount, List<Problem> problems) {
    }

    /** One problem found. */
    public record Problem(String item, String problem, String expected, String actual) {
    }
}
