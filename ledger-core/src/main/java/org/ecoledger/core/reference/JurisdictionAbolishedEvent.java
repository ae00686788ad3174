package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 行政区域已撤销 (jurisdiction abolished) from {@code occurredOn}; it no longer exists from that date.
 */
@Revision("1")
public record JurisdictionAbolishedEvent(
        JurisdictionCode code,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements JurisdictionEvent {
}
