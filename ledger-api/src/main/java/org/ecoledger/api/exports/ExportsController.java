package org.ecoledger.api.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.ecoledger.api.log.ProofUnavailableException;
import org.ecoledger.api.imports.ImportConfiguration;
import org.ecoledger.core.logstore.StoredCheckpoint;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 备份与恢复 (backup and restore): {@code GET /api/v1/exports/ledger} streams the whole ledger as a verifiable
 * export (NDJSON with its signed checkpoint, {@code LedgerExport}); {@code POST /api/v1/imports/ledger} restores
 * such an export into an empty ledger. See docs/operations.md, "Backup and restore".
 */
@RestController
@Tag(name = "export", description = "The whole ledger as a verifiable export, and its restore into an empty ledger")
public class ExportsController {

    /** The media type of the export. */
    public static final String NDJSON = "application/x-ndjson";

    private final LedgerExporter exporter;
    private final LedgerRestorer restorer;
    private final LedgerProperties properties;

    public ExportsController(LedgerExporter exporter, LedgerRestorer restorer, LedgerProperties properties) {
        this.exporter = exporter;
        this.restorer = restorer;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/exports/ledger", produces = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The whole ledger as a verifiable export (NDJSON)",
               description = "A header with the signed checkpoint covering every event stored when the export "
                       + "starts (signed now if need be) and the log's public keys; every entry of that tree in "
                       + "global-index order exactly as stored; the rule sets; a trailer. Streamed. The offline "
                       + "verifier checks it (java -jar ledger-verifier.jar --export FILE --key …) and "
                       + "POST /api/v1/imports/ledger restores it into an empty ledger, reproducing the same log root.")
    public ResponseEntity<StreamingResponseBody> export() {
        StoredCheckpoint checkpoint = exporter.checkpoint();
        StreamingResponseBody body = out -> exporter.write(checkpoint, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("ledger-export-" + checkpoint.size() + ".ndjson").build().toString())
                             .header("X-Ledger-Tree-Size", Long.toString(checkpoint.size()))
                             .body(body);
    }

    /** The log has not caught up with the store within the wait: 503, retry shortly. */
    @ExceptionHandler(ProofUnavailableException.class)
    ResponseEntity<ProblemDetail> logBehind(ProofUnavailableException e) {
        ProblemDetail problem = Problems.of(ProblemType.STORE_UNAVAILABLE, "The transparency log has not yet caught up "
                + "with the store, so no checkpoint covers every stored event yet: " + e.getMessage());
        problem.setTitle("The log is catching up; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @PostMapping(path = "/api/v1/imports/ledger", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restore a ledger export into an empty ledger",
               description = "Multipart field `file`: an export of GET /api/v1/exports/ledger. The whole file is "
                       + "verified first (every chain, the Merkle root, the checkpoint's signature by a key the file "
                       + "lists); then its commit documents are written back verbatim (same global indexes and "
                       + "hashes) and the rule sets beside them. 409 ledger-not-empty unless the ledger holds no "
                       + "event; 400 for an invalid export or another hash algorithm. The log writer and the read "
                       + "views catch up by themselves; the log then has the export's root at its tree size.")
    public LedgerRestorer.Restored restore(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badField("file", "is empty");
        }
        Path directory = Files.createDirectories(properties.dataDir().resolve(ImportConfiguration.DIRECTORY));
        Path stored = directory.resolve("restore-" + UUID.randomUUID() + ".ndjson");
        try {
            file.transferTo(stored);
            return restorer.restore(stored);
        } finally {
            Files.deleteIfExists(stored);
        }
    }
}
