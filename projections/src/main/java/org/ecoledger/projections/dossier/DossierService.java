package org.ecoledger.projections.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.cases.InspectionCase;
import org.ecoledger.projections.cases.InspectionCaseStore;
import org.ecoledger.projections.dossier.DossierView.CaseInTenureView;
import org.ecoledger.projections.dossier.DossierView.PostView;
import org.ecoledger.projections.dossier.DossierView.TenureView;
import org.ecoledger.projections.dossier.EntryFacts.DepartureAuditView;
import org.ecoledger.projections.dossier.EntryFacts.LifetimeCaseView;
import org.ecoledger.projections.duties.DutyEvaluator;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.RecordFold;
import org.ecoledger.projections.record.RecordSource;
import org.ecoledger.projections.record.RecordState;
import org.ecoledger.projections.record.TenureState;

/**
 * 履职档案查询 (the dossier): now, from the projection's stored entries; as of a date, from the record's own events
 * read on demand ({@code history}, the event store). Both are folded by {@link RecordFold}, so they agree. Duties
 * are judged with the rule sets known now, or, as of a moment, with those the ledger knew then
 * ({@link RuleSetCatalogue#knownAt}): a version added later does not change what the record showed.
 */
public class DossierService {

    private final RecordSource current;
    private final RecordSource history;
    private final PlaceDirectory places;
    private final InspectionCaseStore cases;
    private final RuleSetCatalogue ruleSets;
    private final LedgerCalendar calendar;

    /**
     * @param current the projection's entries (for views now)
     * @param history the event store's entries (for views as of a date)
     */
    public DossierService(RecordSource current, RecordSource history, PlaceDirectory places,
                          InspectionCaseStore cases, RuleSetCatalogue ruleSets, LedgerCalendar calendar) {
        this.current = current;
        this.history = history;
        this.places = places;
        this.cases = cases;
        this.ruleSets = ruleSets;
        this.calendar = calendar;
    }

    /** The dossier now ({@link AsOf#now()}) or as of a moment; empty for an unknown official. */
    public Optional<DossierView> dossier(String officialId, AsOf asOf) {
        return state(officialId, asOf).map(this::dossier);
    }

    /** The official's record folded as of the moment: from the projection now, from the event store otherwise. */
    public Optional<RecordState> state(String officialId, AsOf asOf) {
        Optional<RecordState> state = (asOf.isNow() ? current : history).entries(officialId)
                .map(entries -> RecordFold.fold(officialId, entries, asOf));
        if (state.isEmpty() && asOf.isNow()) {
            // the projection may lag behind a just-registered record
            state = history.entries(officialId).map(entries -> RecordFold.fold(officialId, entries, asOf));
        }
        return state.filter(s -> s.name() != null);
    }

    /** The dossier of an already folded record. */
    public DossierView dossier(RecordState state) {
        AsOf asOf = state.asOf();
        LocalDate today = calendar.today();
        // A view cannot look past today: as of a day still ahead it shows the record now, and it judges only the
        // periods that have ended — by the end of the as-of day, and never one that ends today (the day is not over).
        boolean past = !asOf.isNow() && asOf.date().isBefore(today);
        LocalDate viewDate = past ? asOf.date() : today;
        LocalDate lastCompleteDay = past ? asOf.date() : today.minusDays(1);
        RuleSets known = asOf.isNow() ? ruleSets.current() : ruleSets.knownAt(asOf.cut());
        DutyEvaluator duties = new DutyEvaluator(known);
        RecordFacts facts = new RecordFacts(state, viewDate);
        List<LifetimeCaseView> lifetime = facts.lifetimeCases();
        List<DepartureAuditView> audits = facts.departureAudits();
        TreeSet<String> usedSets = new TreeSet<>();

        Map<String, List<TenureState>> byPost = new LinkedHashMap<>();
        state.tenures().forEach(t -> byPost.computeIfAbsent(t.postId(), k -> new ArrayList<>()).add(t));
        List<PostView> posts = new ArrayList<>();
        for (Map.Entry<String, List<TenureState>> post : byPost.entrySet()) {
            TenureState last = post.getValue().get(post.getValue().size() - 1);
            JurisdictionLevel level = places.levelOf(last).orElse(null);
            List<TenureView> tenures = new ArrayList<>();
            for (TenureState tenure : post.getValue()) {
                if (tenure.from().isAfter(viewDate)) {
                    continue;
                }
                LocalDate end = tenure.to() == null || tenure.to().isAfter(viewDate) ? viewDate : tenure.to();
                List<DutyPeriodView> periods = duties.evaluate(state, tenure, level, tenure.from(), end,
                        lastCompleteDay);
                periods.forEach(p -> usedSets.add(p.ruleSet()));
                int missed = (int) periods.stream().filter(p -> p.status() == DutyStatus.MISSED).count();
                tenures.add(new TenureView(tenure.from(), tenure.to(), tenure.appointedSequence(),
                        tenure.leftSequence(), tenure.leavingReason(), periods, missed,
                        casesDuring(tenure, end, asOf),
                        lifetime.stream().filter(c -> c.postId().equals(tenure.postId())
                                && c.damageOccurredOn() != null && tenure.covers(c.damageOccurredOn()))
                                .map(LifetimeCaseView::caseId).toList(),
                        audits.stream().filter(a -> a.postId().equals(tenure.postId()))
                                .map(DepartureAuditView::sequence).toList()));
            }
            posts.add(new PostView(post.getKey(), last.jurisdictionCode(), last.departmentCode(),
                    places.nameOf(last, viewDate).orElse(null), level, last.role(), last.responsibilityKind(),
                    tenures));
        }
        var assessments = facts.assessments(known);
        assessments.forEach(a -> {
            if (a.ruleSet() != null) {
                usedSets.add(a.ruleSet());
            }
        });
        return new DossierView(state.officialId(), state.name(), asOf.date(), asOf.cut(), viewDate,
                state.headSequence(), List.copyOf(usedSets), posts, facts.summons(), facts.listedProblems(),
                assessments, facts.oneVetoes(), facts.accountabilityCases(), lifetime, audits, facts.letters(),
                state.corrections());
    }

    /**
     * The inspection cases of the post's jurisdiction and every place below it (as the tree stood on each case's
     * assignment date) that were open at some time in {@code [tenure.from, end]}. Department posts answer for a
     * sector, not a place: they list none.
     */
    List<CaseInTenureView> casesDuring(TenureState tenure, LocalDate end, AsOf asOf) {
        if (tenure.jurisdictionCode() == null) {
            return List.of();
        }
        String code = tenure.jurisdictionCode();
        List<String> codes = new ArrayList<>();
        codes.add(code);
        codes.addAll(places.descendantsEver(code));
        List<CaseInTenureView> views = new ArrayList<>();
        for (InspectionCase found : cases.casesAt(codes)) {
            Optional<LocalDate> assigned = found.assignedOn(asOf);
            if (assigned.isEmpty() || assigned.get().isAfter(end)) {
                continue;
            }
            Optional<LocalDate> closed = found.closedOn(asOf);
            if (closed.isPresent() && closed.get().isBefore(tenure.from())) {
                continue;
            }
            if (!found.jurisdictionCode().equals(code)
                    && !places.isWithin(found.jurisdictionCode(), code, assigned.get())) {
                continue;
            }
            views.add(new CaseInTenureView(found.caseId(), found.jurisdictionCode(), found.source(), found.kind(),
                    found.description(), assigned.get(), found.status(asOf).orElse(null), closed.orElse(null),
                    tenure.covers(assigned.get()), closed.isPresent() && tenure.covers(closed.get()),
                    closed.isEmpty() || closed.get().isAfter(end)));
        }
        return views;
    }
}
