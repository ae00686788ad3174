package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 职能部门事件 (an event of a {@link Department}). {@code occurredOn} is the date the change takes effect.
 */
public sealed interface DepartmentEvent permits DepartmentRegisteredEvent, DepartmentRenamedEvent,
        DepartmentAbolishedEvent {

    DepartmentCode code();

    LocalDate occurredOn();

    String sourceDocument();

    String recordedBy();

    Instant recordedAt();
}
