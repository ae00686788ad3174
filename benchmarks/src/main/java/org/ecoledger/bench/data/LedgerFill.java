package org.ecoledger.bench.data;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a store with the history of a {@link BenchCity}, in stages: each call continues where the last stopped.
 * The ledger's engine gets one commit per event, as the application writes them (one command, one unit of work,
 * one commit); an engine that stores events one document each may take them in batches, which only speeds up the
 * filling.
 */
public final class LedgerFill {

    private final BenchCity.Cursor cursor;
    private final int batchSize;

    public LedgerFill(BenchCity city, int batchSize) {
        this.cursor = city.cursor();
        this.batchSize = batchSize;
    }

    /** Where the history stands: which officials and entries are stored. */
    public BenchCity.Cursor cursor() {
        return cursor;
    }

    /** How many events of the history were stored. */
    public long filled() {
        return cursor.position();
    }

    /** Stores the next events of the history until {@code target} of them are stored (or the history ends). */
    public void fillTo(EventStorageEngine engine, long target) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(batchSize);
        while (cursor.position() < target && cursor.hasNext()) {
            batch.add(BenchEvents.message(cursor.next(), Instant.now()));
            if (batch.size() >= batchSize) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }
}
