package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 问责移交 (refer an accountability case), 003 Art. 20: entry type ACCOUNTABILITY_REFERRED.
 */
@Revision("1")
public record ReferAccountabilityCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        AccountabilityCaseId caseId,
        String reason,
        String referredTo,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public ReferAccountabilityCommand {
        Require.present(officialId, "officialId");
        Require.present(caseId, "caseId");
        Require.text(reason, "reason");
        Require.text(referredTo, "referredTo");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
