package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 带队检查/调研 (inspection or research trip led in person), 003 Art. 11.
 */
@Revision("1")
public record InspectionLedEvent(
        OfficialId officialId,
        PostId postId,
        String location,
        String findings,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
