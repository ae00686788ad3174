package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 行政区域沿革 (the history of one jurisdiction): every name and parent it had and from which date, and when it
 * ceased to exist (merged or abolished). Answers "as the place stood on date D" for any D.
 *
 * <p>Changes are appended in date order (the {@link Jurisdiction} aggregate refuses a change dated before the latest
 * one), so every answer about a date before a change is the same before and after the change is recorded. Several
 * changes on one date apply in the order they were recorded.
 *
 * <p>Mutable, but only through the event methods; used by the aggregate (for its rules) and by
 * {@link InMemoryReferenceDirectory} (for other aggregates' questions).
 */
public final class JurisdictionHistory {

    private record Version(LocalDate from, String name, JurisdictionCode parentCode) {
    }

    private final JurisdictionCode code;
    private final JurisdictionLevel level;
    private final LocalDate validFrom;
    private final List<Version> versions = new ArrayList<>();
    private LocalDate endedOn;
    private LocalDate lastChangeOn;

    private JurisdictionHistory(JurisdictionRegisteredEvent event) {
        this.code = event.code();
        this.level = event.level();
        this.validFrom = event.occurredOn();
        this.lastChangeOn = event.occurredOn();
        versions.add(new Version(event.occurredOn(), event.name(), event.parentCode()));
    }

    public static JurisdictionHistory begin(JurisdictionRegisteredEvent event) {
        return new JurisdictionHistory(event);
    }

    public void renamed(JurisdictionRenamedEvent event) {
        Version current = latest();
        append(new Version(event.occurredOn(), event.name(), current.parentCode()));
    }

    public void moved(JurisdictionMovedEvent event) {
        Version current = latest();
        append(new Version(event.occurredOn(), current.name(), event.parentCode()));
    }

    public void merged(JurisdictionMergedEvent event) {
        end(event.occurredOn());
    }

    public void abolished(JurisdictionAbolishedEvent event) {
        end(event.occurredOn());
    }

    private void append(Version version) {
        versions.add(version);
        lastChangeOn = version.from();
    }

    private void end(LocalDate on) {
        endedOn = on;
        lastChangeOn = on;
    }

    private Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** Whether the place existed on {@code date}: from validFrom (inclusive) until merged or abolished (exclusive). */
    public boolean existsOn(LocalDate date) {
        return !date.isBefore(validFrom) && (endedOn == null || date.isBefore(endedOn));
    }

    /** The place as it stood on {@code date}; empty when it did not exist then. */
    public Optional<PlaceOnDate> on(LocalDate date) {
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
        return Optional.of(new PlaceOnDate(code, found.name(), level, found.parentCode()));
    }

    public JurisdictionCode code() {
        return code;
    }

    public JurisdictionLevel level() {
        return level;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The date of the latest change (or of validFrom when nothing changed). */
    public LocalDate lastChangeOn() {
        return lastChangeOn;
    }

    /** The date from which the place no longer exists, if merged or abolished. */
    public Optional<LocalDate> endedOn() {
        return Optional.ofNullable(endedOn);
    }
}
