package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 下基层天数 (days at the grassroots in a period, against working days), 004: at least 1/3, checked each quarter.
 */
@Revision("1")
public record GrassrootsDaysReportedEvent(
        OfficialId officialId,
        PostId postId,
        LocalDate periodStart,
        LocalDate periodEnd,
        int days,
        int workingDays,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
