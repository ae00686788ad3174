package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 约谈 (summoned for failing duties), 003 Art. 14 and 000: by whom, why, and the rectification deadline if one was
 * set ({@code null} otherwise).
 */
@Revision("1")
public record SummonsIssuedEvent(
        OfficialId officialId,
        String by,
        String reason,
        LocalDate rectificationDeadline,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
