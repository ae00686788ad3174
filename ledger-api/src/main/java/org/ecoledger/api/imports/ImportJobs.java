package org.ecoledger.api.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * Imports as they stand, in the store so that {@code GET /api/v1/imports/{id}} survives a restart and answers on
 * every node: collection {@value #COLLECTION}, one document per import ({@code _id} = the import id), and its
 * rejected rows in {@value #REJECTIONS}, one document per page ({@code _id} = {@code "<importId>/<page>"}). Every
 * lookup is by exact {@code _id} (or {@code $in} of ids).
 *
 * <p>A running import records its progress at least every {@link #HEARTBEAT}; one whose record is older than
 * {@link #STALE} while it claims to be queued or running belongs to a process that stopped, and is answered as
 * {@code INTERRUPTED}.
 */
public class ImportJobs {

    /** The collection of imports. */
    public static final String COLLECTION = "imports";
    /** The collection of rejected rows, a page per document. */
    public static final String REJECTIONS = "import_rejections";
    /** How often a running import records its progress (and the queued ones their liveness), at least. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** After how long without a heartbeat a queued or running import counts as interrupted. */
    public static final Duration STALE = Duration.ofSeconds(60);

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String INTERRUPTED = "INTERRUPTED";

    private final MongoCollection<Document> imports;
    private final MongoCollection<Document> rejections;
    private final Clock clock;

    public ImportJobs(MongoDatabase database, Clock clock) {
        this.imports = database.getCollection(COLLECTION);
        this.rejections = database.getCollection(REJECTIONS);
        this.clock = clock;
    }

    /** An import's durable record. */
    record Job(String id, String user, Set<String> roles, String format, String fileName) {
    }

    /** Records a new, queued import. */
    void create(Job job) {
        String now = clock.instant().toString();
        imports.insertOne(new Document("_id", job.id()).append("user", job.user())
                                  .append("roles", new ArrayList<>(job.roles())).append("format", job.format())
                                  .append("fileName", job.fileName()).append("status", QUEUED)
                                  .append("rows", 0L).append("appended", 0L).append("skipped", 0L)
                                  .append("rejectedCount", 0L).append("createdAt", now).append("heartbeatAt", now));
    }

    void started(String id, long rowsTotal) {
        String now = clock.instant().toString();
        imports.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", RUNNING), Updates.set("startedAt", now), Updates.set("heartbeatAt", now),
                Updates.set("rowsTotal", rowsTotal)));
    }

    /** The counters of a running import. */
    record Progress(long rows, long appended, long skipped, long rejectedCount) {
    }

    /**
     * Records the progress of import {@code id}, the page of rejected rows being filled, and that the imports
     * {@code queued} behind it are alive.
     */
    void progress(String id, Progress progress, int page, List<RowProblem> pageRows, Collection<String> queued) {
        String now = clock.instant().toString();
        if (!pageRows.isEmpty()) {
            savePage(id, page, pageRows);
        }
        imports.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("rows", progress.rows()), Updates.set("appended", progress.appended()),
                Updates.set("skipped", progress.skipped()), Updates.set("rejectedCount", progress.rejectedCount()),
                Updates.set("heartbeatAt", now)));
        if (!queued.isEmpty()) {
            imports.updateMany(Filters.in("_id", queued), Updates.set("heartbeatAt", now));
        }
    }

    void savePage(String id, int page, List<RowProblem> pageRows) {
        List<Document> rows = new ArrayList<>(pageRows.size());
        for (RowProblem problem : pageRows) {
            rows.add(document(problem));
        }
        rejections.replaceOne(Filters.eq("_id", id + "/" + page),
                              new Document("_id", id + "/" + page).append("importId", id).append("page", page)
                                                                  .append("rows", rows),
                              new ReplaceOptions().upsert(true));
    }

    /** Records the end of an import: {@code DONE}, or {@code FAILED} with its problem. */
    void finished(String id, Progress progress, RowProblem problem) {
        String now = clock.instant().toString();
        imports.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", problem == null ? DONE : FAILED),
                Updates.set("rows", progress.rows()), Updates.set("appended", progress.appended()),
                Updates.set("skipped", progress.skipped()), Updates.set("rejectedCount", progress.rejectedCount()),
                Updates.set("problem", problem == null ? null : document(problem)),
                Updates.set("finishedAt", now), Updates.set("heartbeatAt", now)));
    }

    /** The user who uploaded import {@code id}, if there is one. */
    Optional<String> owner(String id) {
        Document job = imports.find(Filters.eq("_id", id)).first();
        return job == null ? Optional.empty() : Optional.ofNullable(job.getString("user"));
    }

    /** Import {@code id} as it stands, with page {@code page} of its rejected rows. */
    Optional<ImportStatus> status(String id, int page) {
        Document job = imports.find(Filters.eq("_id", id)).first();
        if (job == null) {
            return Optional.empty();
        }
        long rejectedCount = number(job, "rejectedCount");
        int pages = (int) ((rejectedCount + ImportLimits.REJECTIONS_PER_PAGE - 1) / ImportLimits.REJECTIONS_PER_PAGE);
        List<RowProblem> rejected = new ArrayList<>();
        Document stored = rejections.find(Filters.eq("_id", id + "/" + page)).first();
        if (stored != null) {
            for (Document row : stored.getList("rows", Document.class)) {
                rejected.add(problem(row));
            }
        }
        Instant now = clock.instant();
        String status = job.getString("status");
        String heartbeat = job.getString("heartbeatAt");
        if ((QUEUED.equals(status) || RUNNING.equals(status)) && heartbeat != null
                && Instant.parse(heartbeat).plus(STALE).isBefore(now)) {
            status = INTERRUPTED;
        }
        long rows = number(job, "rows");
        Long total = job.get("rowsTotal") == null ? null : number(job, "rowsTotal");
        Double rate = null;
        Long left = null;
        String startedAt = job.getString("startedAt");
        if (startedAt != null) {
            Instant until = job.getString("finishedAt") != null ? Instant.parse(job.getString("finishedAt"))
                    : RUNNING.equals(status) ? Instant.parse(heartbeat) : null;
            if (until != null) {
                double seconds = Math.max(0.001, Duration.between(Instant.parse(startedAt), until).toMillis() / 1000.0);
                rate = Math.round(rows / seconds * 10) / 10.0;
                if (RUNNING.equals(status) && total != null && rate > 0) {
                    left = (long) Math.ceil((total - rows) / rate);
                }
            }
        }
        Document problem = job.get("problem", Document.class);
        return Optional.of(new ImportStatus(id, status, job.getString("fileName"), job.getString("format"),
                                            job.getString("user"), total, rows, number(job, "appended"),
                                            number(job, "skipped"), rejectedCount, rejected, page, pages, rate, left,
                                            problem == null ? null : problem(problem), job.getString("createdAt"),
                                            startedAt, heartbeat, job.getString("finishedAt")));
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static Document document(RowProblem problem) {
        return new Document("row", problem.row()).append("field", problem.field())
                                                 .append("message", problem.message()).append("rule", problem.rule());
    }

    private static RowProblem problem(Document row) {
        return new RowProblem(number(row, "row"), row.getString("field"), row.getString("message"),
                              row.getString("rule"));
    }
}
