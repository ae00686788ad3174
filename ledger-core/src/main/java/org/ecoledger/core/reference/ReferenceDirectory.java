package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 参考数据目录 (reference directory): the cross-aggregate facts other aggregates need about jurisdictions and
 * departments — "did X exist on date D, under which name, at which level, under which parent?".
 *
 * <p>Command handlers take it as a parameter (an Axon resource). Answers are as the place stood on the date,
 * whatever changed later: a change recorded from date {@code on} leaves every earlier date unchanged.
 * {@link EventSourcedReferenceDirectory} (what the application uses) answers from those aggregates' own records in
 * the event store; {@link InMemoryReferenceDirectory} is fed their events (tests, and the folding both share).
 */
public interface ReferenceDirectory {

    /** The jurisdiction as it stood on {@code date}; empty when it did not exist then (or is unknown). */
    Optional<PlaceOnDate> jurisdictionOn(JurisdictionCode code, LocalDate date);

    /** The department as it stood on {@code date}; empty when it did not exist then (or is unknown). */
    Optional<DepartmentOnDate> departmentOn(DepartmentCode code, LocalDate date);
}
