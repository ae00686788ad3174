package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 行政区域已更名 (jurisdiction renamed) from {@code occurredOn}.
 */
@Revision("1")
public record JurisdictionRenamedEvent(
        JurisdictionCode code,
        String name,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements JurisdictionEvent {
}
