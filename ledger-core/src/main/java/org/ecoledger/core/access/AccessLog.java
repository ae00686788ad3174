package org.ecoledger.core.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.ecoledger.core.rules.LedgerCalendar;

/**
 * 查阅记录 (access log) of one official's record: every read of the record is itself recorded (who, what, when,
 * why), append-only and hash-chained by the same store as the record, under its own aggregate identifier
 * {@code access/<officialId>}. The log opens with the first read; it has no rules, so its only state is its id.
 */
public class AccessLog {

    @AggregateIdentifier
    private AccessLogId logId;

    protected AccessLog() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAccessCommand command, LedgerCalendar calendar) {
        apply(new AccessRecordedEvent(command.logId().officialId(), command.who(), command.what(),
                command.purpose(), calendar.now()));
    }

    @EventSourcingHandler
    void on(AccessRecordedEvent event) {
        logId = AccessLogId.of(event.officialId());
    }
}
