package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 建档 (register an official): opens the official's record, kept for life. {@code occurredOn} is optional and
 * defaults to the day of recording.
 */
@Revision("1")
public record RegisterOfficialCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        String name,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public RegisterOfficialCommand {
        Require.present(officialId, "officialId");
        Require.text(name, "name");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
