package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 职能部门已撤销 (department abolished) from {@code occurredOn}; it no longer exists from that date.
 */
@Revision("1")
public record DepartmentAbolishedEvent(
        DepartmentCode code,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements DepartmentEvent {
}
