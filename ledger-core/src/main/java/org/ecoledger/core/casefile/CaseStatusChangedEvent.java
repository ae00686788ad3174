package org.ecoledger.core.casefile;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 交办件状态已推进 (case moved one step), 002 "整改销号": from {@code previousStatus} to {@code status} on
 * {@code occurredOn} (the API's {@code on}). {@code status == CLOSED} is 销号.
 *
 * @param note optional
 */
@Revision("1")
public record CaseStatusChangedEvent(
        CaseId caseId,
        CaseStatus previousStatus,
        CaseStatus status,
        String note,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) {
}
