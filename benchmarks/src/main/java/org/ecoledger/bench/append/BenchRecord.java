package org.ecoledger.bench.append;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The benchmark's record: one command appends one entry of the size of a typical ledger entry to an existing
 * aggregate, through Axon's command bus, the way every entry of the ledger is written. Kept apart from the domain so
 * that the figure measures the store and the command path, which every entry type shares.
 */
public class BenchRecord {

    /** Opens a record. */
    public record OpenBenchRecordCommand(@TargetAggregateIdentifier String recordId, String name) {
    }

    /** Appends one entry. */
    public record AppendBenchEntryCommand(@TargetAggregateIdentifier String recordId, String postId, String topic,
                                          String sourceDocument) {
    }

    @Revision("1")
    public record BenchRecordOpenedEvent(String recordId, String name) {
    }

    @Revision("1")
    public record BenchEntryAppendedEvent(String recordId, long number, String postId, String topic,
                                          String sourceDocument, String recordedBy) {
    }

    @AggregateIdentifier
    private String recordId;
    private long entries;

    protected BenchRecord() {
    }

    @CommandHandler
    public BenchRecord(OpenBenchRecordCommand command) {
        apply(new BenchRecordOpenedEvent(command.recordId(), command.name()));
    }

    @CommandHandler
    public void handle(AppendBenchEntryCommand command) {
        if (command.topic().isBlank()) {
            throw new IllegalArgumentException("topic");
        }
        apply(new BenchEntryAppendedEvent(recordId, entries + 1, command.postId(), command.topic(),
                                          command.sourceDocument(), "bench"));
    }

    @EventSourcingHandler
    void on(BenchRecordOpenedEvent event) {
        this.recordId = event.recordId();
    }

    @EventSourcingHandler
    void on(BenchEntryAppendedEvent event) {
        this.entries = event.number();
    }
}
