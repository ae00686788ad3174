package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 离任 (left a post): the tenure ends on {@code occurredOn} (the last day in post).
 */
@Revision("1")
public record PostLeftEvent(
        OfficialId officialId,
        PostId postId,
        LeavingReason reason,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
