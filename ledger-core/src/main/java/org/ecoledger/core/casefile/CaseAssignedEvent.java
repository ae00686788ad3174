package org.ecoledger.core.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.JurisdictionCode;

/**
 * 已交办 (case assigned), 002. {@code occurredOn} is the API's {@code assignedOn}.
 */
@Revision("1")
public record CaseAssignedEvent(
        CaseId caseId,
        JurisdictionCode jurisdictionCode,
        CaseSource source,
        CaseKind kind,
        String description,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) {
}
