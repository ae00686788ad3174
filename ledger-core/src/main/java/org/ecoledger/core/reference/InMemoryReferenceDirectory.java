package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;

/**
 * 内存参考数据目录 (in-memory reference directory): a {@link ReferenceDirectory} fed the events of
 * {@link Jurisdiction} and {@link Department}, for tests and for small embedded use. It trusts its events (the
 * aggregates checked them) and is safe to use from several threads.
 *
 * <p>The {@code on(…)} methods are Axon {@link EventHandler}s, so an instance can be registered as an event
 * handler; tests call them directly.
 */
public final class InMemoryReferenceDirectory implements ReferenceDirectory {

    private final Map<JurisdictionCode, JurisdictionHistory> jurisdictions = new HashMap<>();
    private final Map<DepartmentCode, DepartmentHistory> departments = new HashMap<>();

    /** Feeds any jurisdiction or department event; other objects are ignored. Returns this, for chaining. */
    public InMemoryReferenceDirectory accept(Object event) {
        if (event instanceof JurisdictionRegisteredEvent e) {
            on(e);
        } else if (event instanceof JurisdictionRenamedEvent e) {
            on(e);
        } else if (event instanceof JurisdictionMovedEvent e) {
            on(e);
        } else if (event instanceof JurisdictionMergedEvent e) {
            on(e);
        } else if (event instanceof JurisdictionAbolishedEvent e) {
            on(e);
        } else if (event instanceof DepartmentRegisteredEvent e) {
            on(e);
        } else if (event instanceof DepartmentRenamedEvent e) {
            on(e);
        } else if (event instanceof DepartmentAbolishedEvent e) {
            on(e);
        }
        return this;
    }

    @EventHandler
    public synchronized void on(JurisdictionRegisteredEvent event) {
        jurisdictions.put(event.code(), JurisdictionHistory.begin(event));
    }

    @EventHandler
    public synchronized void on(JurisdictionRenamedEvent event) {
        jurisdiction(event.code()).renamed(event);
    }

    @EventHandler
    public synchronized void on(JurisdictionMovedEvent event) {
        jurisdiction(event.code()).moved(event);
    }

    @EventHandler
    public synchronized void on(JurisdictionMergedEvent event) {
        jurisdiction(event.code()).merged(event);
    }

    @EventHandler
    public synchronized void on(JurisdictionAbolishedEvent event) {
        jurisdiction(event.code()).abolished(event);
    }

    @EventHandler
    public synchronized void on(DepartmentRegisteredEvent event) {
        departments.put(event.code(), DepartmentHistory.begin(event));
    }

    @EventHandler
    public synchronized void on(DepartmentRenamedEvent event) {
        department(event.code()).renamed(event);
    }

    @EventHandler
    public synchronized void on(DepartmentAbolishedEvent event) {
        department(event.code()).abolished(event);
    }

    private JurisdictionHistory jurisdiction(JurisdictionCode code) {
        JurisdictionHistory history = jurisdictions.get(code);
        if (history == null) {
            throw new IllegalStateException("change of unknown jurisdiction " + code.value());
        }
        return history;
    }

    private DepartmentHistory department(DepartmentCode code) {
        DepartmentHistory history = departments.get(code);
        if (history == null) {
            throw new IllegalStateException("change of unknown department " + code.value());
        }
        return history;
    }

    @Override
    public synchronized Optional<PlaceOnDate> jurisdictionOn(JurisdictionCode code, LocalDate date) {
        JurisdictionHistory history = jurisdictions.get(code);
        return history == null ? Optional.empty() : history.on(date);
    }

    @Override
    public synchronized Optional<DepartmentOnDate> departmentOn(DepartmentCode code, LocalDate date) {
        DepartmentHistory history = departments.get(code);
        return history == null ? Optional.empty() : history.on(date);
    }
}
