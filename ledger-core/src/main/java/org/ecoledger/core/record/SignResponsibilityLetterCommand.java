package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 签订目标责任书 (sign the yearly responsibility letter), 000: entry type RESPONSIBILITY_LETTER_SIGNED.
 */
@Revision("1")
public record SignResponsibilityLetterCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        Integer year,
        LetterId letterId,
        List<String> keyTasks,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public SignResponsibilityLetterCommand {
        Require.present(officialId, "officialId");
        Require.present(year, "year");
        Require.present(letterId, "letterId");
        keyTasks = Require.texts(keyTasks, "keyTasks", true);
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
