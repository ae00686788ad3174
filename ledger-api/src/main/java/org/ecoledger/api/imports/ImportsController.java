package org.ecoledger.api.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.http.security.LedgerRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 批量导入 (imports): {@code POST /api/v1/imports} takes a .csv, .xlsx or .ndjson file of entries, one row an
 * entry, and answers 202 with the import's id at once; the import runs in the background
 * ({@link ImportRunner}) and {@code GET /api/v1/imports/{importId}} tells how far it is, what was appended and which
 * rows were rejected, and why. {@code GET /api/v1/imports/templates/{format}} is the template of each format.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "imports", description = "Importing entries from CSV, Excel (.xlsx) and NDJSON files")
public class ImportsController {

    /** The answer of an accepted upload. */
    public record Accepted(String importId) {
    }

    private final ImportRunner runner;
    private final ImportJobs jobs;

    public ImportsController(ImportRunner runner, ImportJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file of entries (one row an entry)",
               description = "Multipart field `file`: a .csv (UTF-8 or GB18030), .xlsx or .ndjson file laid out as "
                       + "the templates (GET /api/v1/imports/templates/{format}; docs/imports.md). Each row is "
                       + "judged by the same rules as a single append and recorded by the uploading user, whose "
                       + "roles must allow the row's type; a rejected row stores nothing and is reported. Rows "
                       + "already imported (same content) are skipped, so the same file can be imported again "
                       + "safely. Answers 202 {importId} at once; follow GET /api/v1/imports/{importId}.")
    public ResponseEntity<Accepted> upload(@RequestPart("file") MultipartFile file, Authentication caller)
            throws IOException {
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        ImportFormat format = ImportFormat.ofFileName(fileName).orElseThrow(() -> ApiException.badField("file",
                "must be a .csv, .xlsx or .ndjson file (by its name), not '" + fileName + "'"));
        if (file.isEmpty()) {
            throw ApiException.badField("file", "is empty");
        }
        if (fileName.length() > RequestLimits.MAX_STRING_LENGTH) {
            throw ApiException.badField("file", "has a name longer than " + RequestLimits.MAX_STRING_LENGTH
                    + " characters");
        }
        String importId = UUID.randomUUID().toString();
        Path stored = runner.directory().resolve(importId + "." + format.extension());
        file.transferTo(stored);
        Set<String> roles = EntryPermissions.roles(caller).stream().map(LedgerRole::name)
                                            .collect(Collectors.toSet());
        runner.submit(new ImportJobs.Job(importId, Callers.name(caller), roles, format.name(), fileName), stored);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + importId))
                             .body(new Accepted(importId));
    }

    @GetMapping("/{importId}")
    @Operation(summary = "How an import stands: progress, counts and rejected rows",
               description = "{status, rows, rowsTotal, appended, skipped, rejectedCount, rejected: [{row, field, "
                       + "message, rule}], rowsPerSecond, secondsLeft, …}; rejected rows in row order, "
                       + ImportLimits.REJECTIONS_PER_PAGE + " a page (page from 0). Only the uploader sees an "
                       + "import.")
    public ImportStatus status(@PathVariable String importId,
                               @Parameter(description = "page of rejected rows, from 0")
                               @RequestParam(defaultValue = "0") int page, Authentication caller) {
        RequestLimits.page(page);
        String user = Callers.name(caller);
        if (!jobs.owner(importId).map(user::equals).orElse(false)) {
            throw ApiException.notFound("There is no import " + importId + " of yours");
        }
        return jobs.status(importId, page).orElseThrow(() -> ApiException.notFound("There is no import " + importId));
    }

    @GetMapping(path = "/templates/{format}", produces = {"text/csv", "application/x-ndjson",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The import template of a format: csv, xlsx or ndjson",
               description = "The column layout (field names with Chinese labels) and one example row per entry "
                       + "type; see docs/imports.md.")
    public ResponseEntity<byte[]> template(@PathVariable String format) {
        ImportFormat chosen = ImportFormat.named(format).orElseThrow(() -> ApiException.badField("format",
                "must be csv, xlsx or ndjson"));
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(chosen.mediaType()))
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("ledger-import-template." + chosen.extension()).build().toString())
                             .body(ImportTemplates.of(chosen));
    }

}
