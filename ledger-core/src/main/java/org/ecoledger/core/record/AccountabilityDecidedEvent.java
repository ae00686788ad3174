package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 问责决定 (accountability decided), 003 Art. 20: the outcome of a referred case.
 */
@Revision("1")
public record AccountabilityDecidedEvent(
        OfficialId officialId,
        AccountabilityCaseId caseId,
        AccountabilityOutcome outcome,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
