package org.ecoledger.projections.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.ruleset.Consequences;
import org.ecoledger.core.rules.ruleset.DutyPeriod;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.dossier.EntryFacts.AccountabilityCaseView;
import org.ecoledger.projections.dossier.EntryFacts.AssessmentView;
import org.ecoledger.projections.dossier.EntryFacts.LifetimeCaseView;
import org.ecoledger.projections.dossier.EntryFacts.OneVetoView;
import org.ecoledger.projections.dossier.EntryFacts.ReferralView;
import org.ecoledger.projections.dossier.EntryFacts.SummonsView;
import org.ecoledger.projections.dossier.RecordFacts;
import org.ecoledger.projections.duties.DutyEvaluator;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.RecordFold;
import org.ecoledger.projections.record.RecordSource;
import org.ecoledger.projections.record.RecordState;
import org.ecoledger.projections.record.TenureState;

/**
 * 提拔任用审查 (promotion review on date D), from the record as recorded by the end of D, read on demand from the event
 * store and folded by {@link RecordFold}. With Y the year of D and the rule set in force on D:
 *
 * <ul>
 *   <li>{@link ReviewFlagCode#ONE_VETO} (blocking): a one-veto for Y or the years before it the set weighs
 *       ({@code oneVetoYearsReviewed}, 2: Y and Y−1).</li>
 *   <li>{@link ReviewFlagCode#UNQUALIFIED_ASSESSMENT} (blocking): UNQUALIFIED in one of the last
 *       {@code assessmentYearsReviewed} (2) assessment years: Y−1 and Y−2, or Y and Y−1 once Y's assessment is
 *       recorded.</li>
 *   <li>{@link ReviewFlagCode#POST_MUST_BE_ADJUSTED} (blocking, 000): the latest of those years and the ones before it
 *       make {@code consecutiveUnqualifiedForAdjustment} (2) UNQUALIFIED years in a row.</li>
 *   <li>{@link ReviewFlagCode#OPEN_ACCOUNTABILITY_CASE} / {@link ReviewFlagCode#OPEN_LIFETIME_CASE} (blocking): referred
 *       (or opened) and not decided by D.</li>
 *   <li>{@link ReviewFlagCode#RECENT_SUMMONS} (advisory): a summons in the {@code summonsMonthsReviewed} (12) months up
 *       to D.</li>
 *   <li>{@link ReviewFlagCode#DUTY_MINIMUM_MISSED} (advisory): duty periods missed within the last
 *       {@code dutyQuartersReviewed} (4) full quarters before D's quarter, one flag per post and rule; for a D still
 *       ahead, only the periods that ended by yesterday are judged.</li>
 * </ul>
 */
public class PromotionReviewService {

    private final RecordSource history;
    private final PlaceDirectory places;
    private final RuleSetCatalogue ruleSets;
    private final LedgerCalendar calendar;

    /** @param ruleSets the rule sets known now (a review is asked now about its date) */
    public PromotionReviewService(RecordSource history, PlaceDirectory places, RuleSetCatalogue ruleSets,
                                  LedgerCalendar calendar) {
        this.history = history;
        this.places = places;
        this.ruleSets = ruleSets;
        this.calendar = calendar;
    }

    /**
     * The review on {@code on}; empty for an unknown official. It judges what had happened by {@code on}: every
     * entry that occurred on or before it, including entries recorded later about earlier facts, and corrections
     * that occurred by then (a correction dated after {@code on} does not change a review on {@code on}). What the
     * record showed at a past moment, as recorded then, is the dossier's {@code asOf} question.
     */
    public Optional<PromotionReviewView> review(String officialId, LocalDate on) {
        return history.entries(officialId)
                .map(entries -> entries.stream()
                        .filter(entry -> entry.isRegistration() || !entry.occurredOn().isAfter(on))
                        .toList())
                .map(entries -> RecordFold.fold(officialId, entries, AsOf.now()))
                .filter(state -> state.name() != null)
                .map(state -> review(state, on));
    }

    /** The review of an already folded record. */
    public PromotionReviewView review(RecordState state, LocalDate on) {
        RuleSets known = ruleSets.current();
        Optional<RuleSet> inForce = known.inForce(on);
        List<ReviewFlag> flags = new ArrayList<>();
        if (inForce.isEmpty()) {
            flags.add(flag(ReviewFlagCode.NO_RULE_SET_IN_FORCE, List.of(), null, "-", on));
            return new PromotionReviewView(state.officialId(), state.name(), on, true, null, state.headSequence(),
                    flags);
        }
        RuleSet set = inForce.get();
        Consequences rules = set.consequences();
        RecordFacts facts = new RecordFacts(state, on);
        int year = on.getYear();

        for (OneVetoView veto : facts.oneVetoes()) {
            if (veto.year() <= year && veto.year() > year - rules.oneVetoYearsReviewed()) {
                flags.add(flag(ReviewFlagCode.ONE_VETO, List.of(veto.sequence()), set, rules.oneVetoArticle(),
                        veto.year(), veto.unit()));
            }
        }

        Map<Integer, AssessmentView> byYear = new LinkedHashMap<>();
        facts.assessments(known).forEach(a -> byYear.put(a.year(), a));
        int latest = byYear.containsKey(year) ? year : year - 1;
        for (int y = latest - rules.assessmentYearsReviewed() + 1; y <= latest; y++) {
            AssessmentView assessment = byYear.get(y);
            if (assessment != null && assessment.grade() == AssessmentGrade.UNQUALIFIED) {
                flags.add(flag(ReviewFlagCode.UNQUALIFIED_ASSESSMENT, List.of(assessment.sequence()), set,
                        rules.assessmentArticle(), y));
            }
        }
        List<AssessmentView> run = new ArrayList<>();
        for (int y = latest; y > latest - rules.consecutiveUnqualifiedForAdjustment(); y--) {
            AssessmentView assessment = byYear.get(y);
            if (assessment == null || assessment.grade() != AssessmentGrade.UNQUALIFIED) {
                run.clear();
                break;
            }
            run.add(0, assessment);
        }
        if (!run.isEmpty()) {
            flags.add(flag(ReviewFlagCode.POST_MUST_BE_ADJUSTED,
                    run.stream().map(AssessmentView::sequence).toList(), set, rules.postAdjustmentArticle(),
                    run.size(), run.stream().map(a -> Integer.toString(a.year())).collect(Collectors.joining("、"))));
        }

        for (AccountabilityCaseView open : facts.accountabilityCases()) {
            if (open.open() && !open.lifetime()) {
                flags.add(flag(ReviewFlagCode.OPEN_ACCOUNTABILITY_CASE,
                        open.referrals().stream().map(ReferralView::sequence).toList(), set,
                        rules.accountabilityArticle(), open.caseId()));
            }
        }
        for (LifetimeCaseView open : facts.lifetimeCases()) {
            if (open.open()) {
                flags.add(flag(ReviewFlagCode.OPEN_LIFETIME_CASE, List.of(open.sequence()), set,
                        rules.lifetimeArticle(), open.caseId(), open.postId()));
            }
        }

        LocalDate summonsFrom = on.minusMonths(rules.summonsMonthsReviewed());
        for (SummonsView summons : facts.summons()) {
            if (summons.occurredOn().isAfter(summonsFrom)) {
                flags.add(flag(ReviewFlagCode.RECENT_SUMMONS, List.of(summons.sequence()), set,
                        rules.summonsArticle(), summons.occurredOn(), summons.by(), summons.reason()));
            }
        }

        flags.addAll(missedDuties(state, on, set, new DutyEvaluator(known)));
        boolean eligible = flags.stream().noneMatch(ReviewFlag::blocking);
        return new PromotionReviewView(state.officialId(), state.name(), on, eligible, set.reference(),
                state.headSequence(), flags);
    }

    private List<ReviewFlag> missedDuties(RecordState state, LocalDate on, RuleSet set, DutyEvaluator duties) {
        int quarters = set.consequences().dutyQuartersReviewed();
        if (quarters == 0) {
            return List.of();
        }
        LocalDate windowEnd = DutyPeriod.QUARTER.startOf(on).minusDays(1);
        LocalDate windowStart = DutyPeriod.QUARTER.startOf(on).minusMonths(3L * quarters);
        // A review for a date still ahead (a planned promotion) judges only the periods that have ended by yesterday:
        // a month not yet over is not missed.
        LocalDate yesterday = calendar.today().minusDays(1);
        LocalDate judgedTo = on.isAfter(yesterday) ? yesterday : on;
        Map<String, List<DutyPeriodView>> missed = new LinkedHashMap<>();
        Map<String, TenureState> tenureOf = new LinkedHashMap<>();
        for (TenureState tenure : state.tenures()) {
            if (!tenure.overlaps(windowStart, windowEnd)) {
                continue;
            }
            for (DutyPeriodView period : duties.evaluate(state, tenure, places.levelOf(tenure).orElse(null),
                    windowStart, windowEnd, judgedTo)) {
                if (period.status() == DutyStatus.MISSED && !period.start().isBefore(windowStart)
                        && !period.end().isAfter(windowEnd)) {
                    String key = tenure.postId() + "|" + period.ruleSet() + "|" + period.ruleCode();
                    missed.computeIfAbsent(key, k -> new ArrayList<>()).add(period);
                    tenureOf.putIfAbsent(key, tenure);
                }
            }
        }
        List<ReviewFlag> flags = new ArrayList<>();
        missed.forEach((key, periods) -> {
            DutyPeriodView first = periods.get(0);
            TreeSet<Long> sequences = new TreeSet<>();
            sequences.add(tenureOf.get(key).appointedSequence());
            periods.forEach(p -> sequences.addAll(p.sequences()));
            String labels = periods.stream().map(DutyPeriodView::label).collect(Collectors.joining(", "));
            flags.add(new ReviewFlag(ReviewFlagCode.DUTY_MINIMUM_MISSED,
                    ReviewFlagCode.DUTY_MINIMUM_MISSED.message(first.postId(), first.article(), first.description(),
                            labels, first.ruleCode()),
                    false, List.copyOf(sequences), first.ruleSet(), first.article()));
        });
        return flags;
    }

    private static ReviewFlag flag(ReviewFlagCode code, List<Long> sequences, RuleSet set, String article,
                                   Object... arguments) {
        return new ReviewFlag(code, code.message(arguments), code.blocking(), sequences,
                set == null ? null : set.reference(), article);
    }
}
