package org.ecoledger.core.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.util.ArrayList;
import java.util.List;

/** Builds domain event messages for store tests. */
final class Appender {

    static final String TYPE = "NoteRecord";

    private Appender() {
    }

    static DomainEventMessage<NoteAddedEvent> note(String aggregateId, long sequence, String text) {
        return new GenericDomainEventMessage<>(TYPE, aggregateId, sequence, new NoteAddedEvent(text, (int) sequence),
                                               MetaData.with("recordedBy", "tester"));
    }

    static List<DomainEventMessage<?>> notes(String aggregateId, long firstSequence, int count) {
        List<DomainEventMessage<?>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(note(aggregateId, firstSequence + i, "note " + (firstSequence + i)));
        }
        return list;
    }
}
