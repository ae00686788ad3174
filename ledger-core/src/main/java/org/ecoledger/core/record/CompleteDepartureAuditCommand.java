package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 离任审计 (record a completed departure audit of a tenure), 002: entry type DEPARTURE_AUDIT_COMPLETED.
 * {@code findings} may be empty.
 */
@Revision("1")
public record CompleteDepartureAuditCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        String conclusion,
        List<String> findings,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public CompleteDepartureAuditCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.text(conclusion, "conclusion");
        findings = Require.texts(findings, "findings", false);
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
