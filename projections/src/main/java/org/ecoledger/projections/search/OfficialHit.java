package org.ecoledger.projections.search;

import java.util.List;
import org.ecoledger.projections.record.TenureState;

/** 检索结果 (an official found): id, name and tenures (corrections applied). */
public record OfficialHit(String officialId, String name, List<TenureState> tenures) {

    public OfficialHit {
        tenures = List.copyOf(tenures);
    }
}
