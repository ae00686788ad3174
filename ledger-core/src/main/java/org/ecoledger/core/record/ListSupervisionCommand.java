package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.rules.Require;

/**
 * 挂牌督办 (record a problem put under listed supervision), 003 Art. 15: entry type SUPERVISION_LISTED.
 */
@Revision("1")
public record ListSupervisionCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        ProblemId problemId,
        JurisdictionCode jurisdictionCode,
        String description,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public ListSupervisionCommand {
        Require.present(officialId, "officialId");
        Require.present(problemId, "problemId");
        Require.present(jurisdictionCode, "jurisdictionCode");
        Require.text(description, "description");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
