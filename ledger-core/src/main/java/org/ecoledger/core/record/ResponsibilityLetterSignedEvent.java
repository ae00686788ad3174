package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * 签订目标责任书 (responsibility letter signed), 000 and 003 Art. 18: the year it covers and its key tasks.
 */
@Revision("1")
public record ResponsibilityLetterSignedEvent(
        OfficialId officialId,
        int year,
        LetterId letterId,
        List<String> keyTasks,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {

    public ResponsibilityLetterSignedEvent {
        keyTasks = keyTasks == null ? List.of() : List.copyOf(keyTasks);
    }
}
