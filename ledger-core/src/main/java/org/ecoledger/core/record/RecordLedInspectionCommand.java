package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 带队检查/调研 (record an inspection led in person), 003 Art. 11: entry type INSPECTION_LED.
 */
@Revision("1")
public record RecordLedInspectionCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        String location,
        String findings,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public RecordLedInspectionCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.text(location, "location");
        Require.text(findings, "findings");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
