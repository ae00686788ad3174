package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 问责决定 (decide a referred accountability case), 003 Art. 20: entry type ACCOUNTABILITY_DECIDED.
 */
@Revision("1")
public record DecideAccountabilityCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        AccountabilityCaseId caseId,
        AccountabilityOutcome outcome,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public DecideAccountabilityCommand {
        Require.present(officialId, "officialId");
        Require.present(caseId, "caseId");
        Require.present(outcome, "outcome");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
