package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 离任 (the official leaves a post): entry type LEFT_POST.
 */
@Revision("1")
public record LeavePostCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        LeavingReason reason,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public LeavePostCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.present(reason, "reason");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
