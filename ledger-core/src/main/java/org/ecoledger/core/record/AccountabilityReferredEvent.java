package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 问责移交 (accountability case referred to discipline inspection or organization departments), 003 Art. 16, 19, 20.
 */
@Revision("1")
public record AccountabilityReferredEvent(
        OfficialId officialId,
        AccountabilityCaseId caseId,
        String reason,
        String referredTo,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
