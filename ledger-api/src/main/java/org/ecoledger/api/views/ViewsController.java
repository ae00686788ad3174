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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The promotion review with the hash of the record's head entry it was computed from. */
    public record ReviewResponse(@JsonUnwrapped PromotionReviewView review, String headHash) {
    }

    /** One responsible post with the hash of the official's head entry it was computed from. */
    public record ResponsibleResponse(@JsonUnwrapped ResponsibleView responsible, String headHash) {
    }

    /** The compliance of a place and period, each post with the hash of its official's head entry. */
    public record ComplianceResponse(String jurisdictionCode, String period, LocalDate from, LocalDate to,
                                     List<PostResponse> posts) {
    }

    /** One post of a compliance answer with the hash of its official's head entry. */
    public record PostResponse(@JsonUnwrapped ComplianceView.PostCompliance post, String headHash) {
    }

    @GetMapping("/api/v1/officials/{officialId}/dossier")
    public DossierResponse dossier(@PathVariable String officialId,
                                   @RequestParam(required = false) String asOf,
                                   Authentication caller, HttpServletRequest request) {
        DossierView view = dossiers.dossier(officialId, asOf(asOf))
                                   .orElseThrow(() -> notFound("official " + officialId));
        audit.record(caller, OfficialId.of(officialId), "dossier" + (asOf == null ? "" : "?asOf=" + asOf), request);
        return new DossierResponse(view, headHash(officialId, view.headSequence()));
    }

    @GetMapping("/api/v1/officials/{officialId}/promotion-review")
    public ReviewResponse promotionReview(@PathVariable String officialId,
                                          @RequestParam(required = false) String on,
                                          Authentication caller, HttpServletRequest request) {
        LocalDate date = on == null ? calendar.today() : date(on, "on");
        PromotionReviewView review = reviews.review(officialId, date)
                                            .orElseThrow(() -> notFound("official " + officialId));
        audit.record(caller, OfficialId.of(officialId), "promotion-review?on=" + date, request);
        return new ReviewResponse(review, headHash(officialId, review.headSequence()));
    }

    @GetMapping("/api/v1/jurisdictions/{code}/responsible")
    public List<ResponsibleResponse> responsible(@PathVariable String code, @RequestParam String on) {
        List<ResponsibleView> found = responsible.responsible(code, date(on, "on"))
                                                 .orElseThrow(() -> notFound("jurisdiction " + code));
        HeadHashes hashes = new HeadHashes();
        return found.stream().map(view -> new ResponsibleResponse(
                view, hashes.of(view.officialId(), view.headSequence()))).toList();
    }

    @GetMapping("/api/v1/compliance")
    public ComplianceResponse compliance(@RequestParam String jurisdictionCode, @RequestParam String period) {
        CompliancePeriod parsed;
        try {
            parsed = CompliancePeriod.parse(period);
        } catch (RuntimeException e) {
            throw badRequest("period must be a year (2018), half (2018-H1), quarter (2018-Q2) or month (2018-05)");
        }
        ComplianceView view = compliance.compliance(jurisdictionCode, parsed)
                                        .orElseThrow(() -> notFound("jurisdiction " + jurisdictionCode));
        HeadHashes hashes = new HeadHashes();
        return new ComplianceResponse(view.jurisdictionCode(), view.period(), view.from(), view.to(),
                view.posts().stream().map(post -> new PostResponse(
                        post, hashes.of(post.officialId(), post.headSequence()))).toList());
    }

    /**
     * The hash of the official's entry {@code headSequence} when it is the head of the chain now, else null (a view
     * as of an earlier date or one not yet caught up): how a printed view is tied to the chain.
     */
    private String headHash(String officialId, long headSequence) {
        return heads.headHash(officialId, headSequence).orElse(null);
    }

    /** Head hashes looked up once per official within one answer (an official can hold several posts). */
    private final class HeadHashes {

        private final Map<String, String> known = new HashMap<>();

        String of(String officialId, long headSequence) {
            String key = officialId + "#" + headSequence;
            if (!known.containsKey(key)) {
                known.put(key, headHash(officialId, headSequence));
            }
            return known.get(key);
        }
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
