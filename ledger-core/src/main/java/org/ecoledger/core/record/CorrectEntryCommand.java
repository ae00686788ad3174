package org.ecoledger.core.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.Require;

/**
 * 更正 (correct an earlier entry): entry type CORRECTION. {@code correctedType} is optional (it defaults to the
 * corrected entry's type; when given it must match). {@code replacement} is the complete set of the corrected
 * entry's fields in the API's spelling, as a JSON object; numbers in it must be integers.
 */
@Revision("1")
public record CorrectEntryCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        Long correctsSequence,
        EntryType correctedType,
        String reason,
        String approvedBy,
        ObjectNode replacement,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public CorrectEntryCommand {
        Require.present(officialId, "officialId");
        Require.present(correctsSequence, "correctsSequence");
        if (correctsSequence < 0) {
            throw new InvalidEntryException("correctsSequence", "must not be negative", "不能为负数");
        }
        Require.text(reason, "reason");
        Require.text(approvedBy, "approvedBy");
        replacement = Replacement.requireShape(replacement, "replacement");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
