package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 终身追责 (open lifetime accountability against a past or present tenure), 002: entry type
 * LIFETIME_ACCOUNTABILITY_OPENED.
 */
@Revision("1")
public record OpenLifetimeAccountabilityCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        AccountabilityCaseId caseId,
        PostId postId,
        LocalDate damageOccurredOn,
        String description,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public OpenLifetimeAccountabilityCommand {
        Require.present(officialId, "officialId");
        Require.present(caseId, "caseId");
        Require.present(postId, "postId");
        Require.present(damageOccurredOn, "damageOccurredOn");
        Require.text(description, "description");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
