package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.JurisdictionCode;

/**
 * 挂牌督办 (a prominent environmental problem put under listed supervision), 003 Art. 15.
 */
@Revision("1")
public record SupervisionListedEvent(
        OfficialId officialId,
        ProblemId problemId,
        JurisdictionCode jurisdictionCode,
        String description,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
