package org.ecoledger.api.imports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/imports/{importId}}: where an import stands.
 *
 * @param importId      the import's id
 * @param status        {@code QUEUED}, {@code RUNNING}, {@code DONE}, {@code FAILED} (the file could not be read on,
 *                      or the store failed: see {@code problem}), or {@code INTERRUPTED} (the process stopped while
 *                      it ran: upload the same file again, rows already appended are skipped)
 * @param fileName      the uploaded file's name
 * @param format        {@code CSV}, {@code XLSX} or {@code NDJSON}
 * @param user          who uploaded it (every entry is recorded by this user)
 * @param rowsTotal     the data rows in the file (known once the import runs)
 * @param rows          the rows done so far (appended, skipped or rejected)
 * @param appended      the rows appended by this import
 * @param skipped       the rows already in the ledger (an earlier import of the same rows), appended nothing
 * @param rejectedCount the rows rejected so far
 * @param rejected      the rejected rows of page {@code page}, in row order ({@value ImportLimits#REJECTIONS_PER_PAGE}
 *                      a page)
 * @param page          the page of {@code rejected}
 * @param pages         how many pages of rejected rows there are
 * @param rowsPerSecond rows done per second since the import started
 * @param secondsLeft   the estimated time left, in seconds, while it runs
 * @param problem       why the import stopped, for {@code FAILED}
 * @param createdAt     when it was uploaded
 * @param startedAt     when it started
 * @param updatedAt     when its progress was last recorded
 * @param finishedAt    when it ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportStatus(String importId, String status, String fileName, String format, String user,
                           Long rowsTotal, long rows, long appended, long skipped, long rejectedCount,
                           List<RowProblem> rejected, int page, int pages, Double rowsPerSecond, Long secondsLeft,
                           RowProblem problem, String createdAt, String startedAt, String updatedAt,
                           String finishedAt) {
}
