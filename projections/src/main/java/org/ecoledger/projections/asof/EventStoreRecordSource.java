package org.ecoledger.projections.asof;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.projections.record.RecordEntries;
import org.ecoledger.projections.record.RecordEntry;
import org.ecoledger.projections.record.RecordSource;

/**
 * 按需回放 (the on-demand path): an official's entries read from Axon's {@link EventStore} — the record's own events,
 * as stored — for views as of a past date. Normalized by {@link RecordEntries} like the projection's, and folded by
 * the same {@link org.ecoledger.projections.record.RecordFold}. Reading a record is an exact-key lookup on the
 * ledger's store.
 */
public class EventStoreRecordSource implements RecordSource {

    private final EventStore eventStore;

    public EventStoreRecordSource(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The record's entries; empty when no record of an official has that id (another aggregate's id included). */
    @Override
    public Optional<List<RecordEntry>> entries(String officialId) {
        String aggregateId;
        try {
            aggregateId = OfficialId.of(officialId).aggregateIdentifier();
        } catch (IllegalArgumentException notAnOfficialId) {
            return Optional.empty();
        }
        // From sequence 0, never from a snapshot: a snapshot holds the aggregate, not the entries.
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        List<RecordEntry> entries = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof RecordEvent event) {
                entries.add(RecordEntries.of(message.getSequenceNumber(), event));
            }
        }
        if (entries.isEmpty() || !entries.get(0).isRegistration()) {
            return Optional.empty();
        }
        return Optional.of(entries);
    }
}
