package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 行政区域事件 (an event of a {@link Jurisdiction}): reference-data changes are events of the ledger, chained like entries.
 * {@code occurredOn} is the date the change takes effect (validFrom for a registration, {@code on} for a change).
 */
public sealed interface JurisdictionEvent permits JurisdictionRegisteredEvent, JurisdictionRenamedEvent,
        JurisdictionMovedEvent, JurisdictionMergedEvent, JurisdictionAbolishedEvent {

    JurisdictionCode code();

    LocalDate occurredOn();

    String sourceDocument();

    String recordedBy();

    Instant recordedAt();
}
