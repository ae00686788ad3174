package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 终身追责 (lifetime accountability opened), 002: for damage that occurred during a tenure of the post, at any time
 * after the official left, moved up or retired.
 */
@Revision("1")
public record LifetimeAccountabilityOpenedEvent(
        OfficialId officialId,
        AccountabilityCaseId caseId,
        PostId postId,
        LocalDate damageOccurredOn,
        String description,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
