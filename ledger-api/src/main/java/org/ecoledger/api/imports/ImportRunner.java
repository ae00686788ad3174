package org.ecoledger.api.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.http.security.LedgerRole;
import org.ecoledger.api.http.writes.BatchWriter;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.RecordMovedException;
import org.ecoledger.api.http.writes.StoredTypes;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.record.CorrectEntryCommand;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoException;

/**
 * Runs imports, one at a time, on a worker thread of its own ({@link ImportLimits#MAX_QUEUED} more may wait).
 *
 * <p><b>Order.</b> The file is read in chunks of {@link ImportLimits#CHUNK_ROWS} rows. Within a chunk, rows are
 * grouped by official, in the order each official first appears, and each official's rows are written in file
 * order, in batches of up to {@link BatchWriter#MAX_BATCH} entries, each batch one commit. So the rows of one
 * official keep their file order exactly (the record's chain fixes that order); rows of different officials within
 * a chunk may be stored in another order than the file's (officials' records are independent); and every row of a
 * chunk is stored before any row of the next.
 *
 * <p><b>Rules.</b> Every row is the command a single append sends ({@link RowCommands}), judged by the same handler
 * in the batch ({@link BatchWriter}); a refused row stores nothing and is reported with its row, field and reason
 * in Chinese and English. Rows whose type the uploader's roles may not append ({@link EntryPermissions}) are
 * refused before they are sent.
 *
 * <p><b>Appending nothing twice.</b> Each appended entry carries its row's import key in its stored metadata
 * ({@link LedgerWriter#IMPORT_KEY}), committed with the entry in the same commit document: there is no second store
 * to disagree with the ledger after a crash. Before writing an official's rows the runner reads the import keys
 * already in that record (all of it once, then only what was appended since), and a row whose key is there is
 * skipped, once per occurrence: a file with the same entry twice appends it twice the first time and never again.
 * Per official, the check and the write run under a lock of this process, so two imports here never append the same
 * row twice; across nodes, each batch is written only right after the entry up to which the keys were read
 * ({@link BatchWriter#writeAfter}): when another node appended meanwhile, nothing is stored, what it appended is
 * read, the rows found there are dropped and the rest is written after it.
 */
public class ImportRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final RowCommands rowCommands;
    private final Map<ImportFormat, RowReader> readers;
    private final BatchWriter writer;
    private final RecordVerifier records;
    private final Clock clock;
    private final Path directory;
    private final ThreadPoolExecutor executor;
    private final Map<String, ReentrantLock> officialLocks = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    ImportRunner(ImportJobs jobs, RowCommands rowCommands, Map<ImportFormat, RowReader> readers, BatchWriter writer,
                 RecordVerifier records, Clock clock, Path directory) {
        this.jobs = jobs;
        this.rowCommands = rowCommands;
        this.readers = Map.copyOf(readers);
        this.writer = writer;
        this.records = records;
        this.clock = clock;
        this.directory = directory;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                                               new ArrayBlockingQueue<>(ImportLimits.MAX_QUEUED), runnable -> {
            Thread thread = new Thread(runnable, "ledger-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where uploaded files wait for their import (under {@code LEDGER_DATA_DIR}). */
    Path directory() {
        return directory;
    }

    /**
     * Queues the import of {@code file} (which the runner deletes when the import ends).
     *
     * @throws ApiException 503 when {@link ImportLimits#MAX_QUEUED} imports are already waiting
     */
    void submit(ImportJobs.Job job, Path file) {
        jobs.create(job);
        queued.add(job.id());
        try {
            executor.execute(() -> run(job, file));
        } catch (RejectedExecutionException e) {
            queued.remove(job.id());
            jobs.finished(job.id(), new ImportJobs.Progress(0, 0, 0, 0), new RowProblem(0, null,
                    "导入任务过多，请稍后再试", "too many imports are waiting; try again later", null));
            deleteQuietly(file);
            throw new ApiException(Problems.of(ProblemType.IMPORTS_BUSY, "Too many imports are waiting ("
                    + ImportLimits.MAX_QUEUED + "); try again later"));
        }
    }

    private void run(ImportJobs.Job job, Path file) {
        queued.remove(job.id());
        Run run = new Run(job);
        try {
            RowReader reader = readers.get(ImportFormat.valueOf(job.format()));
            long total = reader.count(file);
            if (total > ImportLimits.MAX_ROWS) {
                throw new ImportFileException(0, null, "文件超过" + ImportLimits.MAX_ROWS + "行",
                        "the file has more than " + ImportLimits.MAX_ROWS + " rows");
            }
            jobs.started(job.id(), total);
            try {
                reader.read(file, run::accept);
            } finally {
                run.writeChunk(); // the rows read before a file problem are written too
            }
            run.finish(null);
        } catch (ImportFileException e) {
            run.finish(e.problem());
        } catch (StoreUnavailableException | MongoException | EventStoreException e) {
            log.warn("Import {} stopped: the store is unavailable ({})", job.id(), e.toString());
            run.finishQuietly(new RowProblem(run.rowsDone, null,
                    "存储不可用，导入已中止；已追加的行保留，请稍后重新上传同一文件（已追加的行不会重复）",
                    "the store became unavailable and the import stopped; rows already appended stay, upload the "
                            + "same file again later (they are skipped)", null));
        } catch (IOException | RuntimeException e) {
            log.error("Import {} failed", job.id(), e);
            run.finishQuietly(new RowProblem(run.rowsDone, null, "导入意外中止，已记入日志；请重新上传同一文件",
                    "the import stopped unexpectedly (logged); upload the same file again", null));
        } finally {
            deleteQuietly(file);
        }
    }

    /** One import as it runs: the chunk being read, the officials seen, the counters and the report. */
    private final class Run {

        private final ImportJobs.Job job;
        private final Set<LedgerRole> roles;
        private final List<ImportRow> chunk = new ArrayList<>(ImportLimits.CHUNK_ROWS);
        private final Map<String, OfficialState> officials = new HashMap<>();
        private final List<RowProblem> chunkRejections = new ArrayList<>();
        private final List<RowProblem> page = new ArrayList<>();
        private int pageNumber;
        private long rowsDone;
        private long appended;
        private long skipped;
        private long rejected;
        private Instant lastSaved = Instant.EPOCH;

        Run(ImportJobs.Job job) {
            this.job = job;
            this.roles = job.roles().stream().map(LedgerRole::named).flatMap(java.util.Optional::stream)
                            .collect(Collectors.toUnmodifiableSet());
        }

        void accept(ImportRow row) {
            chunk.add(row);
            if (chunk.size() >= ImportLimits.CHUNK_ROWS) {
                writeChunk();
            }
        }

        void writeChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, List<RowCommands.Prepared>> byOfficial = new LinkedHashMap<>();
            for (ImportRow row : chunk) {
                RowCommands.Prepared prepared = rowCommands.prepare(row, job.user());
                if (prepared.official() == null) {
                    chunkRejections.add(prepared.problem());
                    rowsDone++;
                } else {
                    byOfficial.computeIfAbsent(prepared.official().aggregateIdentifier(), id -> new ArrayList<>())
                              .add(prepared);
                }
            }
            chunk.clear();
            for (Map.Entry<String, List<RowCommands.Prepared>> official : byOfficial.entrySet()) {
                writeOfficial(official.getKey(), official.getValue());
                rowsDone += official.getValue().size();
                if (Instant.now(clock).isAfter(lastSaved.plus(ImportJobs.HEARTBEAT))) {
                    save();
                }
            }
            chunkRejections.sort(Comparator.comparingLong(RowProblem::row));
            for (RowProblem problem : chunkRejections) {
                rejected++;
                page.add(problem);
                if (page.size() == ImportLimits.REJECTIONS_PER_PAGE) {
                    jobs.savePage(job.id(), pageNumber, page);
                    page.clear();
                    pageNumber++;
                }
            }
            chunkRejections.clear();
            save();
        }

        /** Writes one official's rows of the chunk, in file order, under that official's lock. */
        private void writeOfficial(String aggregateId, List<RowCommands.Prepared> rows) {
            ReentrantLock lock = officialLocks.computeIfAbsent(aggregateId, id -> new ReentrantLock());
            lock.lock();
            try {
                OfficialState state = officials.computeIfAbsent(aggregateId, OfficialState::new);
                state.catchUp();
                List<RowCommands.Prepared> batch = new ArrayList<>();
                for (RowCommands.Prepared row : rows) {
                    if (row.problem() != null) {
                        chunkRejections.add(row.problem());
                        continue;
                    }
                    if (state.consume(row.key())) {
                        skipped++;
                        continue;
                    }
                    if (!row.registration() && !state.exists) {
                        // as the handler would refuse it (AggregateNotFoundException), without sending it
                        chunkRejections.add(RowMessages.notRegistered(row.number(), row.official().value()));
                        continue;
                    }
                    if (row.registration()) {
                        if (state.exists) {
                            chunkRejections.add(RowMessages.alreadyRegistered(row.number(),
                                                                              row.official().value()));
                            continue;
                        }
                        if (EntryPermissions.REGISTRARS.stream().noneMatch(roles::contains)) {
                            chunkRejections.add(forbidden(row.number(), EntryPermissions.REGISTRARS,
                                                          ImportColumns.REGISTERED));
                            continue;
                        }
                        state.exists = true;
                    } else {
                        EntryType corrected = null;
                        if (row.type() == EntryType.CORRECTION) {
                            write(state, batch); // the corrected entry may be in the batch: store it first
                            corrected = state.typeOf(((CorrectEntryCommand) row.command()).correctsSequence());
                        }
                        if (!EntryPermissions.mayAppend(roles, row.type(), corrected)) {
                            chunkRejections.add(forbidden(row.number(), EntryPermissions.appenders(row.type(),
                                    corrected), corrected == null ? row.type().name()
                                    : "CORRECTION of " + corrected));
                            continue;
                        }
                    }
                    batch.add(row);
                    if (batch.size() == BatchWriter.MAX_BATCH) {
                        write(state, batch);
                    }
                }
                write(state, batch);
            } finally {
                lock.unlock();
            }
        }

        private void write(OfficialState state, List<RowCommands.Prepared> batch) {
            if (batch.isEmpty()) {
                return;
            }
            List<BatchWriter.Outcome> outcomes = null;
            for (int attempt = 1; outcomes == null; attempt++) {
                List<Object> commands = new ArrayList<>(batch.size());
                List<Map<String, String>> metadata = new ArrayList<>(batch.size());
                for (RowCommands.Prepared row : batch) {
                    commands.add(row.command());
                    metadata.add(Map.of(LedgerWriter.IMPORT_KEY, row.key()));
                }
                try {
                    outcomes = writer.writeAfter(state.aggregateId, state.next - 1, commands, metadata);
                } catch (RecordMovedException moved) {
                    if (attempt >= LedgerWriter.ATTEMPTS) {
                        throw moved;
                    }
                    // Another writer appended to the record since it was read (an import on another node): read
                    // what it appended and drop the rows now found there, then write the rest after it.
                    state.catchUp();
                    int before = batch.size();
                    batch.removeIf(row -> state.consume(row.key()));
                    skipped += before - batch.size();
                    batch.removeIf(row -> {
                        // registered meanwhile by a row other than this one
                        boolean late = row.registration() && state.next > 0;
                        if (late) {
                            chunkRejections.add(RowMessages.alreadyRegistered(row.number(), row.official().value()));
                        }
                        return late;
                    });
                    if (batch.isEmpty()) {
                        return;
                    }
                }
            }
            for (int i = 0; i < outcomes.size(); i++) {
                BatchWriter.Outcome outcome = outcomes.get(i);
                RowCommands.Prepared row = batch.get(i);
                if (outcome.appended()) {
                    appended++;
                    state.next = Math.max(state.next, outcome.receipt().sequence() + 1);
                    state.exists = true;
                } else {
                    chunkRejections.add(RowMessages.of(row.number(), row.official().value(), outcome.refusal()));
                    if (row.registration()) {
                        state.exists = state.next > 0;
                    }
                }
            }
            batch.clear();
        }

        private RowProblem forbidden(long row, Set<LedgerRole> allowed, String what) {
            String roleNames = allowed.stream().sorted().map(LedgerRole::name).collect(Collectors.joining(" or "));
            return new RowProblem(row, ImportColumns.TYPE, "上传者的角色无权录入该类记录（" + what + "：限 "
                    + roleNames + "）", "Only " + roleNames + " may append " + what, null);
        }

        private void save() {
            jobs.progress(job.id(), progress(), pageNumber, page, List.copyOf(queued));
            lastSaved = Instant.now(clock);
        }

        private ImportJobs.Progress progress() {
            return new ImportJobs.Progress(rowsDone, appended, skipped, rejected);
        }

        void finish(RowProblem problem) {
            if (!page.isEmpty()) {
                jobs.savePage(job.id(), pageNumber, page);
            }
            jobs.finished(job.id(), progress(), problem);
            log.info("Import {} ({}, {} by {}) {}: {} rows, {} appended, {} already in the ledger, {} rejected",
                     job.id(), job.fileName(), job.format(), job.user(), problem == null ? "done" : "failed",
                     rowsDone, appended, skipped, rejected);
        }

        void finishQuietly(RowProblem problem) {
            try {
                finish(problem);
            } catch (RuntimeException e) {
                log.warn("Import {}: its end could not be recorded ({}); it will show as interrupted", job.id(),
                         e.toString());
            }
        }
    }

    /**
     * What the import knows of one official's record: whether it exists, the import keys in it not yet matched by a
     * row of this file (a key per occurrence), and the sequence up to which the record has been read.
     */
    private final class OfficialState {

        final String aggregateId;
        final Map<String, Integer> unmatchedKeys = new HashMap<>();
        boolean exists;
        long next;

        OfficialState(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        /** Reads what was appended to the record since it was last read (all of it the first time). */
        void catchUp() {
            for (StoredEntry entry : records.storedEntries(aggregateId, next)) {
                exists = true;
                next = Math.max(next, entry.entry().sequence() + 1);
                JsonNode key = entry.entry().metadata().get(LedgerWriter.IMPORT_KEY);
                if (key != null && key.isTextual()) {
                    unmatchedKeys.merge(key.textValue(), 1, Integer::sum);
                }
            }
        }

        /** Whether {@code key} is in the record for one more occurrence; if so, that occurrence is used up. */
        boolean consume(String key) {
            Integer count = unmatchedKeys.get(key);
            if (count == null) {
                return false;
            }
            if (count == 1) {
                unmatchedKeys.remove(key);
            } else {
                unmatchedKeys.put(key, count - 1);
            }
            return true;
        }

        /** The stored type of entry {@code sequence}, or null when there is none (the record then refuses it). */
        EntryType typeOf(Long sequence) {
            if (sequence == null || sequence < 0) {
                return null;
            }
            return records.storedEntries(aggregateId, sequence).stream()
                          .filter(entry -> entry.entry().sequence() == sequence).findFirst()
                          .flatMap(entry -> StoredTypes.entryType(entry.entry().payloadType())).orElse(null);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
