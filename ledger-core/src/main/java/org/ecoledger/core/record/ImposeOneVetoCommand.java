package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 一票否决 (impose a one-veto on the official), 001, 002: entry type ONE_VETO.
 */
@Revision("1")
public record ImposeOneVetoCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        Integer year,
        String unit,
        OneVetoCapacity capacity,
        String reason,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public ImposeOneVetoCommand {
        Require.present(officialId, "officialId");
        Require.present(year, "year");
        Require.text(unit, "unit");
        Require.present(capacity, "capacity");
        Require.text(reason, "reason");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
