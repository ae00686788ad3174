package org.ecoledger.projections.duties;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.rules.ruleset.Duty;
import org.ecoledger.core.rules.ruleset.DutyPeriod;
import org.ecoledger.core.rules.ruleset.DutyRule;
import org.ecoledger.core.rules.ruleset.PartialPeriodRule;
import org.ecoledger.core.rules.ruleset.PostKind;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.projections.record.EntryState;
import org.ecoledger.projections.record.RecordState;
import org.ecoledger.projections.record.TenureState;

/**
 * 履职核算 (required vs done, per post and period): for a tenure, every period of every duty that applies to the post
 * under the rule set in force on the period's first day (so a later version never re-judges an earlier period), with
 * the entries that count. Pure: a {@link RecordState} (corrections applied as the view has them), the post's kind and
 * level, and the view's last complete day.
 *
 * <ul>
 *   <li>Meetings (Art. 10) and dispatch meetings (Art. 12) count MEETING_HELD entries of the post whose body is one of
 *       the rule's bodies; led inspections (Art. 11) count INSPECTION_LED entries of the post.</li>
 *   <li>Grassroots days (004) add up the GRASSROOTS_DAYS_REPORTED reports of the post whose report period lies within
 *       the period, and compare days with working days by the rule's share (integers only).</li>
 *   <li>Written reports (Art. 17) have no entry type: {@link DutyStatus#NOT_RECORDABLE}.</li>
 * </ul>
 * An entry counts if its (corrected) date lies in the period and in the tenure.
 */
public final class DutyEvaluator {

    private final RuleSets ruleSets;

    public DutyEvaluator(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * The duty periods of {@code tenure} that overlap {@code [from, to]}, judged as of {@code lastCompleteDay} (a
     * period ending after it is {@link DutyStatus#IN_PROGRESS}); ordered by start, then rule code.
     */
    public List<DutyPeriodView> evaluate(RecordState state, TenureState tenure, JurisdictionLevel level,
                                         LocalDate from, LocalDate to, LocalDate lastCompleteDay) {
        PostKind kind = tenure.jurisdictionCode() != null ? PostKind.JURISDICTION : PostKind.DEPARTMENT;
        LocalDate windowStart = from.isBefore(tenure.from()) ? tenure.from() : from;
        LocalDate windowEnd = tenure.to() != null && tenure.to().isBefore(to) ? tenure.to() : to;
        List<DutyPeriodView> views = new ArrayList<>();
        if (windowEnd.isBefore(windowStart) || level == null) {
            return views;
        }
        PostEntries counting = new PostEntries(state, tenure);
        for (DutyPeriod period : DutyPeriod.values()) {
            for (LocalDate start = period.startOf(windowStart); !start.isAfter(windowEnd);
                 start = period.next(start)) {
                Optional<RuleSet> set = ruleSets.inForce(start);
                if (set.isEmpty()) {
                    continue;
                }
                for (DutyRule rule : set.get().duties()) {
                    if (rule.period() == period
                            && rule.appliesTo().matches(kind, level, tenure.role(), tenure.responsibilityKind())) {
                        views.add(judge(counting, tenure, set.get(), rule, start, lastCompleteDay));
                    }
                }
            }
        }
        views.sort(Comparator.comparing(DutyPeriodView::start).thenComparing(DutyPeriodView::ruleCode));
        return views;
    }

    private DutyPeriodView judge(PostEntries counting, TenureState tenure, RuleSet set, DutyRule rule,
                                 LocalDate start, LocalDate lastCompleteDay) {
        LocalDate end = rule.period().endOf(start);
        List<EntryState> counted = counting.counted(rule, start, end);
        List<Long> sequences = counted.stream().map(EntryState::sequence).toList();
        Integer days = null;
        Integer workingDays = null;
        if (rule.duty() == Duty.GRASSROOTS_DAYS) {
            days = counted.stream().mapToInt(e -> e.integer("days").intValue()).sum();
            workingDays = counted.stream().mapToInt(e -> e.integer("workingDays").intValue()).sum();
        }
        Integer requiredCount = rule.minimum().count();
        DutyStatus status;
        if (!rule.duty().recordable()) {
            status = DutyStatus.NOT_RECORDABLE;
        } else if (end.isAfter(lastCompleteDay)) {
            status = DutyStatus.IN_PROGRESS;
        } else if (!owed(set, tenure, start, end)) {
            status = DutyStatus.NOT_OWED;
        } else {
            if (requiredCount != null && set.partialPeriodRule()
                    == PartialPeriodRule.PRORATED) {
                requiredCount = prorated(requiredCount, tenure, start, end);
            }
            boolean met = rule.minimum().share() != null
                    ? rule.minimum().share().isMetBy(days, workingDays)
                    : counted.size() >= requiredCount;
            status = met ? DutyStatus.MET : DutyStatus.MISSED;
        }
        return new DutyPeriodView(tenure.postId(), set.reference(), rule.code(), rule.duty(), rule.article(),
                rule.description(), rule.period(), rule.period().label(start), start, end,
                rule.minimum().toString(), requiredCount, rule.minimum().share(), counted.size(), days, workingDays,
                sequences, status);
    }

    private static boolean owed(RuleSet set, TenureState tenure, LocalDate start, LocalDate end) {
        return switch (set.partialPeriodRule()) {
            case WHOLE_PERIOD -> tenure.covers(start) && tenure.covers(end);
            case HELD_AT_PERIOD_END -> tenure.covers(end);
            case PRORATED -> tenure.overlaps(start, end);
        };
    }

    /** ⌈count × daysHeld / daysInPeriod⌉, in integers. */
    static int prorated(int count, TenureState tenure, LocalDate start, LocalDate end) {
        LocalDate heldFrom = tenure.from().isAfter(start) ? tenure.from() : start;
        LocalDate heldTo = tenure.to() != null && tenure.to().isBefore(end) ? tenure.to() : end;
        long held = ChronoUnit.DAYS.between(heldFrom, heldTo) + 1;
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        return (int) ((count * held + total - 1) / total);
    }

    /**
     * The entries of a tenure that its duties can count, picked out of the record once per evaluation (each period
     * of each duty then looks only at these): the post's meetings and led inspections dated within the tenure, with
     * their body and date, and the post's grassroots reports with their report periods. Each list keeps the record's
     * order, so the counted sequences come out as they are stored.
     */
    private static final class PostEntries {

        private record Dated(EntryState entry, String body) {
        }

        private record Report(EntryState entry, LocalDate periodStart, LocalDate periodEnd) {
        }

        private final List<Dated> meetings = new ArrayList<>();
        private final List<Dated> inspections = new ArrayList<>();
        private final List<Report> reports = new ArrayList<>();

        PostEntries(RecordState state, TenureState tenure) {
            for (EntryState entry : state.entries()) {
                if (entry.type() != EntryType.MEETING_HELD && entry.type() != EntryType.INSPECTION_LED
                        && entry.type() != EntryType.GRASSROOTS_DAYS_REPORTED) {
                    continue;
                }
                if (!tenure.postId().equals(entry.text("postId"))) {
                    continue;
                }
                if (entry.type() == EntryType.GRASSROOTS_DAYS_REPORTED) {
                    LocalDate periodStart = entry.date("periodStart");
                    LocalDate periodEnd = entry.date("periodEnd");
                    if (periodStart != null && periodEnd != null) {
                        reports.add(new Report(entry, periodStart, periodEnd));
                    }
                } else if (tenure.covers(entry.occurredOn())) {
                    (entry.type() == EntryType.MEETING_HELD ? meetings : inspections)
                            .add(new Dated(entry, entry.text("body")));
                }
            }
        }

        /** The entries that count for {@code rule} in the period {@code [start, end]}. */
        List<EntryState> counted(DutyRule rule, LocalDate start, LocalDate end) {
            return switch (rule.duty()) {
                case MEETING, DISPATCH_MEETING -> meetings.stream()
                        .filter(m -> within(m.entry().occurredOn(), start, end))
                        .filter(m -> rule.bodies().stream().anyMatch(body -> body.name().equals(m.body())))
                        .map(Dated::entry).toList();
                case LED_INSPECTION -> inspections.stream()
                        .filter(i -> within(i.entry().occurredOn(), start, end))
                        .map(Dated::entry).toList();
                case GRASSROOTS_DAYS -> reports.stream()
                        .filter(r -> !r.periodStart().isBefore(start) && !r.periodEnd().isAfter(end))
                        .map(Report::entry).toList();
                case WRITTEN_REPORT -> List.of();
            };
        }

        private static boolean within(LocalDate on, LocalDate start, LocalDate end) {
            return !on.isBefore(start) && !on.isAfter(end);
        }
    }
}
