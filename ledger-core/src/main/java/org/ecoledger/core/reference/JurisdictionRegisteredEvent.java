package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 行政区域已设立 (jurisdiction registered). {@code occurredOn} is its validFrom.
 *
 * @param parentCode {@code null} for a city
 */
@Revision("1")
public record JurisdictionRegisteredEvent(
        JurisdictionCode code,
        String name,
        JurisdictionLevel level,
        JurisdictionCode parentCode,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements JurisdictionEvent {
}
