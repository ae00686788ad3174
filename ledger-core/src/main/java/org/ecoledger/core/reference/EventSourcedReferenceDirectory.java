package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * 参考数据目录（事件溯源） (reference directory read from the event store): the {@link ReferenceDirectory} the
 * application uses. Each answer reads the place's own events — the {@link Jurisdiction} or {@link Department}
 * aggregate's record, by its typed aggregate identifier ({@link JurisdictionCode#aggregateIdentifier()},
 * {@link DepartmentCode#aggregateIdentifier()}) — and folds them exactly as {@link InMemoryReferenceDirectory} does
 * (into {@link JurisdictionHistory} / {@link DepartmentHistory}), so there is one folding.
 *
 * <p>Nothing is cached: an answer is as fresh as the store, includes the changes committed by any node sharing it,
 * and, inside a unit of work, the events it has staged. The cost is one read of one small record per question
 * (a place has a handful of events), by exact key.
 *
 * <p>It reads from sequence 0, never from a snapshot: a snapshot's payload is the aggregate, not its history.
 * Thread-safe as the {@link EventStore} is.
 *
 * <p><b>In a batch</b> — a unit of work whose root holds the resource {@value #BATCH_CACHE} (the application's batch
 * writer sets it: many commands to one official's record, committed as one document) — each place's record is folded
 * once and the fold reused by the batch's later commands. The answers are the same: such a unit of work appends to
 * the official's record only (the store refuses a unit of work spanning records), so it stages no event of a place,
 * and a place changed by another node while the batch runs is seen as late as a single append sees a change made
 * between its read and its commit.
 */
public final class EventSourcedReferenceDirectory implements ReferenceDirectory {

    /** The unit-of-work resource that turns on the per-batch fold cache (a {@code Map<String, Object>}). */
    public static final String BATCH_CACHE = "ledger.referenceDirectory.batchCache";

    private final EventStore eventStore;

    /** A directory answering from the records of {@code eventStore}. */
    public EventSourcedReferenceDirectory(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
    }

    @Override
    public Optional<PlaceOnDate> jurisdictionOn(JurisdictionCode code, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return fold(code.aggregateIdentifier()).jurisdictionOn(code, date);
    }

    @Override
    public Optional<DepartmentOnDate> departmentOn(DepartmentCode code, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return fold(code.aggregateIdentifier()).departmentOn(code, date);
    }

    /** The record {@code aggregateIdentifier}, folded into a directory that knows only it (empty when unknown). */
    private InMemoryReferenceDirectory fold(String aggregateIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            Object cache = CurrentUnitOfWork.get().root().resources().get(BATCH_CACHE);
            if (cache instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> folds = (Map<String, Object>) map;
                return (InMemoryReferenceDirectory) folds.computeIfAbsent(aggregateIdentifier, this::read);
            }
        }
        return read(aggregateIdentifier);
    }

    private InMemoryReferenceDirectory read(String aggregateIdentifier) {
        InMemoryReferenceDirectory folded = new InMemoryReferenceDirectory();
        DomainEventStream events = eventStore.readEvents(aggregateIdentifier, 0L);
        while (events.hasNext()) {
            folded.accept(events.next().getPayload());
        }
        return folded;
    }
}
