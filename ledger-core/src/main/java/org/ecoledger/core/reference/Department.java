package org.ecoledger.core.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerCalendar;

/**
 * 职能部门 (department), 003 Art. 2, 8 "管行业必须管环保": a party or government department of a city, county or
 * township, with the history of its names and its abolition.
 */
public class Department {

    @AggregateIdentifier
    private DepartmentCode code;
    private DepartmentHistory history;

    protected Department() {
        // for Axon
    }

    @CommandHandler
    public Department(RegisterDepartmentCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        DatePolicy.requireFactDate(calendar, command.validFrom(), "validFrom");
        ReferenceChangePolicy.requireDepartmentPlace(command.jurisdictionCode(), command.validFrom(), directory);
        apply(new DepartmentRegisteredEvent(command.code(), command.name(), command.jurisdictionCode(),
                command.validFrom(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(RenameDepartmentCommand command, LedgerCalendar calendar) {
        requireChange(command.on(), calendar);
        apply(new DepartmentRenamedEvent(code, command.name(), command.on(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(AbolishDepartmentCommand command, LedgerCalendar calendar) {
        requireChange(command.on(), calendar);
        apply(new DepartmentAbolishedEvent(code, command.on(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    private void requireChange(LocalDate on, LedgerCalendar calendar) {
        DatePolicy.requireFactDate(calendar, on, "on");
        ReferenceChangePolicy.requireChangeInOrder(on, history.validFrom(), history.lastChangeOn(),
                history.endedOn());
    }

    @EventSourcingHandler
    void on(DepartmentRegisteredEvent event) {
        code = event.code();
        history = DepartmentHistory.begin(event);
    }

    @EventSourcingHandler
    void on(DepartmentRenamedEvent event) {
        history.renamed(event);
    }

    @EventSourcingHandler
    void on(DepartmentAbolishedEvent event) {
        history.abolished(event);
    }
}
