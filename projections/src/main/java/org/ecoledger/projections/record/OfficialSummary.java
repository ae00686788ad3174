package org.ecoledger.projections.record;

import java.time.LocalDate;
import java.util.List;

/**
 * 干部概要 (an official's summary in the read model, with every correction applied): name, the last sequence the
 * projection has seen, and the tenures. What search, incident tracing and compliance read without folding a record.
 */
public record OfficialSummary(String officialId, String name, LocalDate registeredOn, long headSequence,
                              List<TenureState> tenures) {

    public OfficialSummary {
        tenures = List.copyOf(tenures);
    }
}
