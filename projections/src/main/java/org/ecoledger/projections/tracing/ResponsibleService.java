package org.ecoledger.projections.tracing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ecoledger.core.reference.PlaceOnDate;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.OfficialRecordStore;
import org.ecoledger.projections.record.OfficialSummary;
import org.ecoledger.projections.record.PlaceKeys;
import org.ecoledger.projections.record.TenureState;

/**
 * 事件追责 (incident tracing): who was responsible for place V on date D — every post directly at V or at one of its
 * ancestors as the tree stood on D (moves and merges after D change nothing), whose tenure covered D, corrections
 * applied, whether the official is still in post, moved up, or retired. Department posts answer for a sector, not a
 * place, and are not listed.
 */
public class ResponsibleService {

    private final PlaceDirectory places;
    private final OfficialRecordStore records;

    public ResponsibleService(PlaceDirectory places, OfficialRecordStore records) {
        this.places = places;
        this.records = records;
    }

    /** Empty when the place did not exist on {@code on} (or is unknown); otherwise the list, nearest place first. */
    public Optional<List<ResponsibleView>> responsible(String jurisdictionCode, LocalDate on) {
        List<PlaceOnDate> chain = places.ancestry(jurisdictionCode, on);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = chain.stream().map(place -> PlaceKeys.jurisdiction(place.code().value())).toList();
        List<ResponsibleView> found = new ArrayList<>();
        for (OfficialSummary official : records.summaries(records.officialsAt(keys))) {
            for (TenureState tenure : official.tenures()) {
                if (tenure.jurisdictionCode() == null || !tenure.covers(on)) {
                    continue;
                }
                for (PlaceOnDate place : chain) {
                    if (place.code().value().equals(tenure.jurisdictionCode())) {
                        found.add(new ResponsibleView(official.officialId(), official.name(), tenure.postId(),
                                tenure.role(), tenure.responsibilityKind(), place.code().value(), place.level(),
                                tenure.from(), tenure.to(), official.headSequence()));
                    }
                }
            }
        }
        found.sort(Comparator.comparing((ResponsibleView view) -> view.viaLevel()).reversed()
                .thenComparing(ResponsibleView::role)
                .thenComparing(ResponsibleView::officialId));
        return Optional.of(found);
    }
}
