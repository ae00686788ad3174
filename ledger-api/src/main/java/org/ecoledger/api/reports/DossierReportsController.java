package org.ecoledger.api.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.audit.AccessAudit;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.log.ProofUnavailableException;
import org.ecoledger.api.log.TransparencyLog;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.logstore.StoredCheckpoint;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.store.StoredEventLog;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.dossier.DossierService;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.review.PromotionReviewView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/officials/{officialId}/dossier} with {@code Accept: application/pdf} or the .xlsx media type:
 * the dossier as a report ({@link DossierPdf}, {@link DossierXlsx}), in the departure-audit or the promotion-review
 * layout, anchored to the record's head and to a signed checkpoint that includes it. Same roles as the JSON dossier,
 * and the read is logged like it.
 */
@RestController
@Tag(name = "views", description = "The read views: dossier, promotion review, incident tracing, compliance, search")
public class DossierReportsController {

    /** The media type of an .xlsx workbook. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DossierService dossiers;
    private final PromotionReviewService reviews;
    private final StoredEventLog events;
    private final TransparencyLog log;
    private final AccessAudit audit;
    private final LedgerProperties properties;
    private final Clock clock;
    private final DossierPdf pdf;
    private final DossierXlsx xlsx = new DossierXlsx();

    public DossierReportsController(DossierService dossiers, PromotionReviewService reviews, StoredEventLog events,
                                    TransparencyLog log, AccessAudit audit, LedgerProperties properties,
                                    Clock ledgerClock) {
        this.dossiers = dossiers;
        this.reviews = reviews;
        this.events = events;
        this.log = log;
        this.audit = audit;
        this.properties = properties;
        this.clock = ledgerClock;
        this.pdf = new DossierPdf(properties.zone());
    }

    @GetMapping(path = "/api/v1/officials/{officialId}/dossier", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The dossier as a PDF report (Accept: application/pdf)",
               description = "layout=departure-audit (default: tenures, duties per period, cases, audits) or "
                       + "promotion-review (the review on `on`, its flags and evidence); the compliance chart; at "
                       + "the foot the record's head hash, the signed checkpoint that includes it and a QR code "
                       + "carrying both. Chinese text in an embedded font. See docs/reports.md.")
    public ResponseEntity<byte[]> pdf(@PathVariable String officialId,
                                      @Parameter(description = "departure-audit or promotion-review")
                                      @RequestParam(defaultValue = "departure-audit") String layout,
                                      @Parameter(description = "a date or an instant, as for the JSON dossier")
                                      @RequestParam(required = false) String asOf,
                                      @Parameter(description = "the promotion review's date (default: asOf's date, else today)")
                                      @RequestParam(required = false) String on,
                                      Authentication caller, HttpServletRequest request) {
        DossierReport report = report(officialId, layout, asOf, on, caller, request, "pdf");
        return answer(pdf.render(report), MediaType.APPLICATION_PDF, report, "pdf", true);
    }

    @GetMapping(path = "/api/v1/officials/{officialId}/dossier", produces = XLSX)
    @Operation(summary = "The dossier as an .xlsx workbook (Accept: " + XLSX + ")",
               description = "The same report as the PDF, a fact a row: summary with the proof anchors, duties per "
                       + "period, assessments and sanctions, and the review for layout=promotion-review.")
    public ResponseEntity<byte[]> workbook(@PathVariable String officialId,
                                           @RequestParam(defaultValue = "departure-audit") String layout,
                                           @RequestParam(required = false) String asOf,
                                           @RequestParam(required = false) String on,
                                           Authentication caller, HttpServletRequest request) {
        DossierReport report = report(officialId, layout, asOf, on, caller, request, "xlsx");
        return answer(xlsx.render(report), MediaType.parseMediaType(XLSX), report, "xlsx", false);
    }

    private DossierReport report(String officialId, String layoutName, String asOf, String on, Authentication caller,
                                 HttpServletRequest request, String format) {
        OfficialId official = OfficialId.of(officialId);
        ReportLayout layout = ReportLayout.of(layoutName).orElseThrow(() -> ApiException.badField("layout",
                "must be departure-audit or promotion-review"));
        AsOf cutoff = asOf(asOf);
        DossierView view = dossiers.dossier(officialId, cutoff)
                                   .orElseThrow(() -> ApiException.notFound("There is no official " + officialId));
        PromotionReviewView review = null;
        if (layout == ReportLayout.PROMOTION_REVIEW) {
            LocalDate date = on != null ? date(on) : cutoff.date() != null ? cutoff.date()
                    : LocalDate.now(clock.withZone(properties.zone()));
            review = reviews.review(officialId, date)
                            .orElseThrow(() -> ApiException.notFound("There is no official " + officialId));
        }
        StoredEntry head = events.entry(official.aggregateIdentifier(), view.headSequence())
                                 .orElseThrow(() -> ApiException.notFound("There is no official " + officialId));
        long leaf = head.entry().globalIndex();
        StoredCheckpoint checkpoint = log.checkpointIncluding(leaf);
        String root = java.util.Base64.getEncoder().encodeToString(checkpoint.checkpoint().rootHash());
        audit.record(caller, official, "dossier." + format + "?layout=" + layout.parameter()
                + (asOf == null ? "" : "&asOf=" + asOf) + (on == null ? "" : "&on=" + on), request);
        return new DossierReport(layout, view, review, view.headSequence(), head.storedHash(), leaf, log.origin(),
                                 checkpoint.size(), root, Instant.now(clock), Callers.name(caller));
    }

    /** The log has not caught up with the record's head within the wait: 503, retry shortly. */
    @ExceptionHandler(ProofUnavailableException.class)
    ResponseEntity<ProblemDetail> logBehind(ProofUnavailableException e) {
        ProblemDetail problem = Problems.of(ProblemType.STORE_UNAVAILABLE, "The transparency log has not yet reached "
                + "the record's head, so no checkpoint includes it yet: " + e.getMessage());
        problem.setTitle("The log is catching up; try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<byte[]> answer(byte[] body, MediaType type, DossierReport report, String extension,
                                                 boolean inline) {
        String name = "dossier-" + report.dossier().officialId() + "-" + report.layout().parameter() + "." + extension;
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                             .header("X-Ledger-Head-Hash", report.headHash())
                             .header("X-Ledger-Checkpoint-Size", Long.toString(report.checkpointSize()))
                             .body(body);
    }

    private AsOf asOf(String value) {
        if (value == null || value.isBlank()) {
            return AsOf.now();
        }
        try {
            return value.length() == 10 ? AsOf.endOf(LocalDate.parse(value), properties.zone())
                    : AsOf.at(Instant.parse(value), properties.zone());
        } catch (DateTimeParseException e) {
            throw ApiException.badField("asOf", "must be a date (2018-05-01) or an instant (2018-05-01T08:00:00Z)");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("on", "must be a date, YYYY-MM-DD");
        }
    }
}
