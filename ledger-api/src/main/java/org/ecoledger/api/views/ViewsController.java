package org.ecoledger.api.views;

import jakarta.servlet.http.HttpServletRequest;
import org.ecoledger.api.http.audit.AccessAudit;
import org.ecoledger.core.record.OfficialId;
import org.springframework.security.core.Authentication;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.compliance.CompliancePeriod;
import org.ecoledger.projections.compliance.ComplianceService;
import org.ecoledger.projections.compliance.ComplianceView;
import org.ecoledger.projections.dossier.DossierService;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.record.RecordHeadLookup;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.review.PromotionReviewView;
import org.ecoledger.projections.search.OfficialHit;
import org.ecoledger.projections.search.OfficialSearch;
import org.ecoledger.projections.search.SearchPage;
import org.ecoledger.projections.tracing.ResponsibleService;
import org.ecoledger.projections.tracing.ResponsibleView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The read views of API.md: dossier, promotion review, incident tracing, compliance and search. Every judgement in
 * them names the rule set version and article it applied; the dossier carries the head of the record's chain so a
 * printed copy can be tied to the ledger.
 */
@RestController
public class ViewsController {

    /** The most officials one search page returns. */
    public static final int SEARCH_PAGE_SIZE = 50;

    private final DossierService dossiers;
    private final PromotionReviewService reviews;
    private final ResponsibleService responsible;
    private final ComplianceService compliance;
    private final OfficialSearch search;
    private final RecordHeadLookup heads;
    private final LedgerCalendar calendar;
    private final AccessAudit audit;

    public ViewsController(DossierService dossiers, PromotionReviewService reviews, ResponsibleService responsible,
                           ComplianceService compliance, OfficialSearch search, RecordHeadLookup heads,
                           LedgerCalendar calendar, AccessAudit audit) {
        this.audit = audit;
        this.dossiers = dossiers;
        this.reviews = reviews;
        this.responsible = responsible;
        this.compliance = compliance;
        this.search = search;
        this.heads = heads;
        this.calendar = calendar;
    }

    /** The dossier with the hash of the record's head entry it was computed from. */
    public record DossierResponse(@JsonUnwrapped DossierView dossier, String headHash) {
    }

    @GetMapping("/api/v1/officials/{officialId}/dossier")
    public DossierResponse dossier(@PathVariable String officialId,
                                   @RequestParam(required = false) String asOf,
                                   Authentication caller, HttpServletRequest request) {
        DossierView view = dossiers.dossier(officialId, asOf(asOf))
                                   .orElseThrow(() -> notFound("official " + officialId));
        audit.record(caller, OfficialId.of(officialId), "dossier" + (asOf == null ? "" : "?asOf=" + asOf), request);
        String headHash = heads.headHash(officialId, view.headSequence()).orElse(null);
        return new DossierResponse(view, headHash);
    }

    @GetMapping("/api/v1/officials/{officialId}/promotion-review")
    public PromotionReviewView promotionReview(@PathVariable String officialId,
                                               @RequestParam(required = false) String on,
                                               Authentication caller, HttpServletRequest request) {
        LocalDate date = on == null ? calendar.today() : date(on, "on");
        PromotionReviewView review = reviews.review(officialId, date)
                                            .orElseThrow(() -> notFound("official " + officialId));
        audit.record(caller, OfficialId.of(officialId), "promotion-review?on=" + date, request);
        return review;
    }

    @GetMapping("/api/v1/jurisdictions/{code}/responsible")
    public List<ResponsibleView> responsible(@PathVariable String code, @RequestParam String on) {
        return responsible.responsible(code, date(on, "on")).orElseThrow(() -> notFound("jurisdiction " + code));
    }

    @GetMapping("/api/v1/compliance")
    public ComplianceView compliance(@RequestParam String jurisdictionCode, @RequestParam String period) {
        CompliancePeriod parsed;
        try {
            parsed = CompliancePeriod.parse(period);
        } catch (RuntimeException e) {
            throw badRequest("period must be a year (2018), half (2018-H1), quarter (2018-Q2) or month (2018-05)");
        }
        return compliance.compliance(jurisdictionCode, parsed)
                         .orElseThrow(() -> notFound("jurisdiction " + jurisdictionCode));
    }

    /** Search by name (a Chinese substring) and jurisdiction; pages count from 1. */
    @GetMapping("/api/v1/officials")
    public SearchPage<OfficialHit> search(@RequestParam(required = false) String query,
                                          @RequestParam(required = false) String jurisdictionCode,
                                          @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw badRequest("page counts from 1");
        }
        return search.search(query, jurisdictionCode, page - 1, SEARCH_PAGE_SIZE);
    }

    private AsOf asOf(String value) {
        if (value == null || value.isBlank()) {
            return AsOf.now();
        }
        try {
            return value.length() == 10 ? AsOf.endOf(LocalDate.parse(value), calendar.zone())
                    : AsOf.at(Instant.parse(value), calendar.zone());
        } catch (DateTimeParseException e) {
            throw badRequest("asOf must be a date (2018-05-01) or an instant (2018-05-01T08:00:00Z)");
        }
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be a date such as 2018-05-01");
        }
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown " + what);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
