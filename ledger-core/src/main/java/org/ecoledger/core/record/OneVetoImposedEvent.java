package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 一票否决 (one-veto), 001 and 002: for the year, the unit vetoed and the capacity in which it hits this official;
 * removes award and "excellent" eligibility for that year.
 */
@Revision("1")
public record OneVetoImposedEvent(
        OfficialId officialId,
        int year,
        String unit,
        OneVetoCapacity capacity,
        String reason,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
