package org.ecoledger.core.casefile;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 交办件状态推进 (move a case one step forward), 002 "整改销号": {@code POST /api/v1/cases/{caseId}/transitions}.
 *
 * @param note optional
 */
@Revision("1")
public record TransitionCaseCommand(
        @TargetAggregateIdentifier CaseId caseId,
        CaseStatus status,
        LocalDate on,
        String note,
        String sourceDocument,
        String recordedBy) {

    public TransitionCaseCommand {
        Require.present(caseId, "caseId");
        Require.present(status, "status");
        Require.present(on, "on");
        Require.optionalText(note, "note");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
