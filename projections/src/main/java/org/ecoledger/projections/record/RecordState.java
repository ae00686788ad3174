package org.ecoledger.projections.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.projections.asof.AsOf;

/**
 * 档案状态 (an official's record as a view shows it, as of a moment): the name, the tenures, every entry with the
 * corrections recorded by then applied, and the corrections themselves. Built only by {@link RecordFold}.
 *
 * @param headSequence the last sequence included (the registration is 0)
 * @param entries      every entry but the registration and the corrections, by sequence
 * @param tenures      by start date, then appointment sequence
 */
public record RecordState(String officialId, String name, LocalDate registeredOn, AsOf asOf, long headSequence,
                          List<EntryState> entries, List<CorrectionState> corrections, List<TenureState> tenures) {

    public RecordState {
        entries = List.copyOf(entries);
        corrections = List.copyOf(corrections);
        tenures = List.copyOf(tenures);
    }

    public List<EntryState> entries(EntryType type) {
        return entries.stream().filter(entry -> entry.type() == type).toList();
    }

    public Optional<EntryState> entry(long sequence) {
        return entries.stream().filter(entry -> entry.sequence() == sequence).findFirst();
    }

    public List<TenureState> tenuresOf(String postId) {
        return tenures.stream().filter(tenure -> tenure.postId().equals(postId)).toList();
    }
}
