package org.ecoledger.projections.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.rules.ruleset.Consequences;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.projections.dossier.EntryFacts.AccountabilityCaseView;
import org.ecoledger.projections.dossier.EntryFacts.AssessmentView;
import org.ecoledger.projections.dossier.EntryFacts.DecisionView;
import org.ecoledger.projections.dossier.EntryFacts.DepartureAuditView;
import org.ecoledger.projections.dossier.EntryFacts.LetterView;
import org.ecoledger.projections.dossier.EntryFacts.LifetimeCaseView;
import org.ecoledger.projections.dossier.EntryFacts.ListedProblemView;
import org.ecoledger.projections.dossier.EntryFacts.OneVetoView;
import org.ecoledger.projections.dossier.EntryFacts.ReferralView;
import org.ecoledger.projections.dossier.EntryFacts.SummonsView;
import org.ecoledger.projections.record.EntryState;
import org.ecoledger.projections.record.RecordState;

/**
 * 档案事实 (the typed facts of a folded record): summons, listed problems, assessments, one-vetoes, accountability and
 * lifetime cases, departure audits, letters — read from the corrected fields. Shared by the dossier and the promotion
 * review so that both read an entry the same way. A decision or referral dated after {@code viewDate} does not count
 * yet (an entry may be recorded before the date it states only for a summons' deadline, so this is a guard).
 */
public final class RecordFacts {

    private final RecordState state;
    private final LocalDate viewDate;

    public RecordFacts(RecordState state, LocalDate viewDate) {
        this.state = state;
        this.viewDate = viewDate;
    }

    private List<EntryState> of(EntryType type) {
        return state.entries(type).stream().filter(e -> !e.occurredOn().isAfter(viewDate)).toList();
    }

    public List<SummonsView> summons() {
        return of(EntryType.SUMMONED).stream().map(e -> new SummonsView(e.sequence(), e.occurredOn(), e.text("by"),
                e.text("reason"), e.date("rectificationDeadline"), e.correctedBy())).toList();
    }

    public List<ListedProblemView> listedProblems() {
        return of(EntryType.SUPERVISION_LISTED).stream().map(e -> new ListedProblemView(e.sequence(), e.occurredOn(),
                e.text("problemId"), e.text("jurisdictionCode"), e.text("description"), e.correctedBy())).toList();
    }

    public List<OneVetoView> oneVetoes() {
        return of(EntryType.ONE_VETO).stream().map(e -> new OneVetoView(e.sequence(), e.integer("year").intValue(),
                e.text("unit"), OneVetoCapacity.valueOf(e.text("capacity")), e.text("reason"), e.occurredOn(),
                e.correctedBy())).toList();
    }

    /** Assessments by year, with award eligibility judged by the rule set in force on 1 January of the year. */
    public List<AssessmentView> assessments(RuleSets ruleSets) {
        List<OneVetoView> vetoes = oneVetoes();
        List<AssessmentView> views = new ArrayList<>();
        for (EntryState e : of(EntryType.ANNUAL_ASSESSMENT)) {
            int year = e.integer("year").intValue();
            AssessmentGrade grade = AssessmentGrade.valueOf(e.text("grade"));
            List<Integer> conditions = e.ints("conditions");
            Optional<RuleSet> set = ruleSets.inForce(LocalDate.of(year, 1, 1));
            boolean eligible = true;
            if (set.isPresent()) {
                Consequences consequences = set.get().consequences();
                eligible = !consequences.awardIneligibleGrades().contains(grade)
                        && !(consequences.conditionsRemoveAwardEligibility() && !conditions.isEmpty());
            }
            eligible = eligible && vetoes.stream().noneMatch(veto -> veto.year() == year);
            views.add(new AssessmentView(e.sequence(), year, grade, conditions, e.occurredOn(), eligible,
                    set.map(RuleSet::reference).orElse(null),
                    set.map(s -> s.consequences().assessmentArticle()).orElse(null), e.correctedBy()));
        }
        views.sort(Comparator.comparingInt(AssessmentView::year).thenComparingLong(AssessmentView::sequence));
        return views;
    }

    public List<DecisionView> decisions(String caseId) {
        return of(EntryType.ACCOUNTABILITY_DECIDED).stream().filter(e -> caseId.equals(e.text("caseId")))
                .map(e -> new DecisionView(e.sequence(), e.occurredOn(),
                        AccountabilityOutcome.valueOf(e.text("outcome")))).toList();
    }

    public List<LifetimeCaseView> lifetimeCases() {
        return of(EntryType.LIFETIME_ACCOUNTABILITY_OPENED).stream().map(e -> {
            String caseId = e.text("caseId");
            List<DecisionView> decisions = decisions(caseId);
            DecisionView decision = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
            return new LifetimeCaseView(e.sequence(), caseId, e.text("postId"), e.date("damageOccurredOn"),
                    e.text("description"), e.occurredOn(), decision, decision == null, e.correctedBy());
        }).toList();
    }

    public List<AccountabilityCaseView> accountabilityCases() {
        Map<String, List<ReferralView>> referrals = new LinkedHashMap<>();
        for (EntryState e : of(EntryType.ACCOUNTABILITY_REFERRED)) {
            referrals.computeIfAbsent(e.text("caseId"), k -> new ArrayList<>()).add(new ReferralView(e.sequence(),
                    e.occurredOn(), e.text("reason"), e.text("referredTo")));
        }
        List<String> lifetime = lifetimeCases().stream().map(LifetimeCaseView::caseId).toList();
        List<AccountabilityCaseView> views = new ArrayList<>();
        referrals.forEach((caseId, list) -> {
            List<DecisionView> decisions = decisions(caseId);
            DecisionView decision = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
            views.add(new AccountabilityCaseView(caseId, list, decision, decision == null,
                    lifetime.contains(caseId)));
        });
        return views;
    }

    public List<DepartureAuditView> departureAudits() {
        return of(EntryType.DEPARTURE_AUDIT_COMPLETED).stream().map(e -> new DepartureAuditView(e.sequence(),
                e.occurredOn(), e.text("postId"), e.text("conclusion"), e.texts("findings"), e.correctedBy()))
                .toList();
    }

    public List<LetterView> letters() {
        return of(EntryType.RESPONSIBILITY_LETTER_SIGNED).stream().map(e -> new LetterView(e.sequence(),
                e.occurredOn(), e.integer("year").intValue(), e.text("letterId"), e.texts("keyTasks"),
                e.correctedBy())).toList();
    }
}
