package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * 离任审计 (natural-resource-asset departure audit completed), 002: conclusion and findings (possibly none).
 */
@Revision("1")
public record DepartureAuditCompletedEvent(
        OfficialId officialId,
        PostId postId,
        String conclusion,
        List<String> findings,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {

    public DepartureAuditCompletedEvent {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
