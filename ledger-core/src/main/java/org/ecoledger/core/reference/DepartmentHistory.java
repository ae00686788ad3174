package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 职能部门沿革 (the history of one department): its names and from which date, and when it was abolished.
 * Changes are appended in date order, as for {@link JurisdictionHistory}.
 */
public final class DepartmentHistory {

    private record Version(LocalDate from, String name) {
    }

    private final DepartmentCode code;
    private final JurisdictionCode jurisdictionCode;
    private final LocalDate validFrom;
    private final List<Version> versions = new ArrayList<>();
    private LocalDate endedOn;
    private LocalDate lastChangeOn;

    private DepartmentHistory(DepartmentRegisteredEvent event) {
        this.code = event.code();
        this.jurisdictionCode = event.jurisdictionCode();
        this.validFrom = event.occurredOn();
        this.lastChangeOn = event.occurredOn();
        versions.add(new Version(event.occurredOn(), event.name()));
    }

    public static DepartmentHistory begin(DepartmentRegisteredEvent event) {
        return new DepartmentHistory(event);
    }

    public void renamed(DepartmentRenamedEvent event) {
        versions.add(new Version(event.occurredOn(), event.name()));
        lastChangeOn = event.occurredOn();
    }

    public void abolished(DepartmentAbolishedEvent event) {
        endedOn = event.occurredOn();
        lastChangeOn = event.occurredOn();
    }

    public boolean existsOn(LocalDate date) {
        return !date.isBefore(validFrom) && (endedOn == null || date.isBefore(endedOn));
    }

    public Optional<DepartmentOnDate> on(LocalDate date) {
        if (!existsOn(date)) {
            return Optional.empty();
        }
        Version found = versions.get(0);
        for (Version version : versions) {
            if (version.from().isAfter(date)) {
                break;
            }
            found = version;
        }
        return Optional.of(new DepartmentOnDate(code, found.name(), jurisdictionCode));
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate lastChangeOn() {
        return lastChangeOn;
    }

    public Optional<LocalDate> endedOn() {
        return Optional.ofNullable(endedOn);
    }
}
