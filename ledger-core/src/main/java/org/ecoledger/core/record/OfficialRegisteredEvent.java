package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 建档 (an official's record is opened): {@code POST /api/v1/officials}. Not an entry type: it is sequence 0 of the
 * record and cannot be corrected.
 */
@Revision("1")
public record OfficialRegisteredEvent(
        OfficialId officialId,
        String name,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
