package org.ecoledger.core.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerCalendar;

/**
 * 行政区域 (jurisdiction), 001 "市、县、乡、村四级": a place at one of four levels, in a tree, with its full history
 * of names, parents, merges and abolition. Changes are events, chained like an official's entries.
 */
public class Jurisdiction {

    @AggregateIdentifier
    private JurisdictionCode code;
    private JurisdictionHistory history;

    protected Jurisdiction() {
        // for Axon
    }

    @CommandHandler
    public Jurisdiction(RegisterJurisdictionCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        DatePolicy.requireFactDate(calendar, command.validFrom(), "validFrom");
        ReferenceChangePolicy.requireParent(command.level(), command.parentCode(), command.validFrom(), directory);
        apply(new JurisdictionRegisteredEvent(command.code(), command.name(), command.level(), command.parentCode(),
                command.validFrom(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(RenameJurisdictionCommand command, LedgerCalendar calendar) {
        requireChange(command.on(), calendar);
        apply(new JurisdictionRenamedEvent(code, command.name(), command.on(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(MoveJurisdictionCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        requireChange(command.on(), calendar);
        ReferenceChangePolicy.requireParent(history.level(), command.parentCode(), command.on(), directory);
        apply(new JurisdictionMovedEvent(code, command.parentCode(), command.on(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(MergeJurisdictionCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        requireChange(command.on(), calendar);
        ReferenceChangePolicy.requireMergeTarget(code, history.level(), command.intoCode(), command.on(), directory);
        apply(new JurisdictionMergedEvent(code, command.intoCode(), command.on(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(AbolishJurisdictionCommand command, LedgerCalendar calendar) {
        requireChange(command.on(), calendar);
        apply(new JurisdictionAbolishedEvent(code, command.on(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    private void requireChange(LocalDate on, LedgerCalendar calendar) {
        DatePolicy.requireFactDate(calendar, on, "on");
        ReferenceChangePolicy.requireChangeInOrder(on, history.validFrom(), history.lastChangeOn(),
                history.endedOn());
    }

    @EventSourcingHandler
    void on(JurisdictionRegisteredEvent event) {
        code = event.code();
        history = JurisdictionHistory.begin(event);
    }

    @EventSourcingHandler
    void on(JurisdictionRenamedEvent event) {
        history.renamed(event);
    }

    @EventSourcingHandler
    void on(JurisdictionMovedEvent event) {
        history.moved(event);
    }

    @EventSourcingHandler
    void on(JurisdictionMergedEvent event) {
        history.merged(event);
    }

    @EventSourcingHandler
    void on(JurisdictionAbolishedEvent event) {
        history.abolished(event);
    }
}
