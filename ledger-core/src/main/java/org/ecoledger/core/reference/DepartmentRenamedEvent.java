package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 职能部门已更名 (department renamed) from {@code occurredOn}.
 */
@Revision("1")
public record DepartmentRenamedEvent(
        DepartmentCode code,
        String name,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements DepartmentEvent {
}
