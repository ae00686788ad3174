package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 行政区域隶属关系已调整 (jurisdiction moved under a new parent) from {@code occurredOn}.
 */
@Revision("1")
public record JurisdictionMovedEvent(
        JurisdictionCode code,
        JurisdictionCode parentCode,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements JurisdictionEvent {
}
