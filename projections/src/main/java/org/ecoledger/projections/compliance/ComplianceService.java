package org.ecoledger.projections.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.compliance.ComplianceView.DutyCompliance;
import org.ecoledger.projections.compliance.ComplianceView.PostCompliance;
import org.ecoledger.projections.duties.DutyEvaluator;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.OfficialRecordStore;
import org.ecoledger.projections.record.OfficialSummary;
import org.ecoledger.projections.record.PlaceKeys;
import org.ecoledger.projections.record.RecordFold;
import org.ecoledger.projections.record.RecordState;
import org.ecoledger.projections.record.TenureState;

/**
 * 履职合规查询 (compliance per jurisdiction and period): the posts at the jurisdiction and its departments, from the
 * read model; each official's record folded now by {@link RecordFold}; duties judged by {@link DutyEvaluator}.
 */
public class ComplianceService {

    private final PlaceDirectory places;
    private final OfficialRecordStore records;
    private final LedgerCalendar calendar;
    private final RuleSetCatalogue ruleSets;

    public ComplianceService(PlaceDirectory places, OfficialRecordStore records, RuleSetCatalogue ruleSets,
                             LedgerCalendar calendar) {
        this.places = places;
        this.records = records;
        this.calendar = calendar;
        this.ruleSets = ruleSets;
    }

    /** Empty for an unknown jurisdiction. */
    public Optional<ComplianceView> compliance(String jurisdictionCode, CompliancePeriod period) {
        if (places.jurisdiction(jurisdictionCode).isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PlaceKeys.jurisdiction(jurisdictionCode));
        places.departmentsOf(jurisdictionCode).forEach(code -> keys.add(PlaceKeys.department(code)));
        LocalDate lastCompleteDay = calendar.today().minusDays(1);
        DutyEvaluator duties = new DutyEvaluator(ruleSets.current());
        List<PostCompliance> posts = new ArrayList<>();
        for (OfficialSummary official : records.summaries(records.officialsAt(keys))) {
            RecordState state = null;
            for (TenureState tenure : official.tenures()) {
                if (!keys.contains(tenure.placeKey()) || !tenure.overlaps(period.start(), period.end())) {
                    continue;
                }
                if (state == null) {
                    state = records.entries(official.officialId())
                            .map(entries -> RecordFold.fold(official.officialId(), entries, AsOf.now()))
                            .orElse(null);
                    if (state == null) {
                        break;
                    }
                }
                List<DutyPeriodView> periods = duties.evaluate(state, tenure, places.levelOf(tenure).orElse(null),
                        period.start(), period.end(), lastCompleteDay);
                posts.add(new PostCompliance(official.officialId(), official.name(), tenure.postId(),
                        tenure.jurisdictionCode(), tenure.departmentCode(), tenure.role(),
                        tenure.responsibilityKind(), tenure.from(), tenure.to(), state.headSequence(),
                        byDuty(periods)));
            }
        }
        posts.sort(Comparator.comparing(PostCompliance::postId).thenComparing(PostCompliance::tenureFrom));
        return Optional.of(new ComplianceView(jurisdictionCode, period.label(), period.start(), period.end(), posts));
    }

    private static List<DutyCompliance> byDuty(List<DutyPeriodView> periods) {
        Map<String, List<DutyPeriodView>> byRule = new LinkedHashMap<>();
        periods.forEach(p -> byRule.computeIfAbsent(p.ruleSet() + "|" + p.ruleCode(), k -> new ArrayList<>()).add(p));
        List<DutyCompliance> out = new ArrayList<>();
        byRule.values().forEach(list -> {
            DutyPeriodView first = list.get(0);
            List<DutyPeriodView> judged = list.stream()
                    .filter(p -> p.status() == DutyStatus.MET || p.status() == DutyStatus.MISSED).toList();
            int met = (int) judged.stream().filter(p -> p.status() == DutyStatus.MET).count();
            Integer required = first.requiredCount() == null ? null
                    : judged.stream().mapToInt(DutyPeriodView::requiredCount).sum();
            int done = judged.stream().mapToInt(DutyPeriodView::done).sum();
            out.add(new DutyCompliance(first.ruleCode(), first.duty(), first.article(), first.ruleSet(),
                    judged.size(), met, judged.size() - met, required, done, list));
        });
        return out;
    }
}
