package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 行政区域已合并 (jurisdiction merged into {@code intoCode}) from {@code occurredOn}; it no longer exists from that date.
 */
@Revision("1")
public record JurisdictionMergedEvent(
        JurisdictionCode code,
        JurisdictionCode intoCode,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements JurisdictionEvent {
}
