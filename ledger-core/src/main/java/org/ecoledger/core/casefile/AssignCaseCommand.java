package org.ecoledger.core.casefile;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.rules.Require;

/** 交办 (a case is assigned by inspection to a jurisdiction), 002: {@code POST /api/v1/cases}. */
@Revision("1")
public record AssignCaseCommand(
        @TargetAggregateIdentifier CaseId caseId,
        JurisdictionCode jurisdictionCode,
        CaseSource source,
        CaseKind kind,
        String description,
        LocalDate assignedOn,
        String sourceDocument,
        String recordedBy) {

    public AssignCaseCommand {
        Require.present(caseId, "caseId");
        Require.present(jurisdictionCode, "jurisdictionCode");
        Require.present(source, "source");
        Require.present(kind, "kind");
        Require.text(description, "description");
        Require.present(assignedOn, "assignedOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
