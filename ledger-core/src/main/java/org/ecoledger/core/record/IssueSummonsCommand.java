package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 约谈 (the official is summoned), 003 Art. 14, 000: entry type SUMMONED. {@code rectificationDeadline} is optional.
 */
@Revision("1")
public record IssueSummonsCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        String by,
        String reason,
        LocalDate rectificationDeadline,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public IssueSummonsCommand {
        Require.present(officialId, "officialId");
        Require.text(by, "by");
        Require.text(reason, "reason");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
