package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 职能部门已设立 (department registered). {@code occurredOn} is its validFrom.
 */
@Revision("1")
public record DepartmentRegisteredEvent(
        DepartmentCode code,
        String name,
        JurisdictionCode jurisdictionCode,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements DepartmentEvent {
}
