package org.ecoledger.core.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 督察交办件 / 信访件 (inspection case), 002: a case assigned by central, provincial or city inspection to a
 * jurisdiction, rectified and closed (整改销号) step by step. One aggregate per case.
 */
public class CaseFile {

    @AggregateIdentifier
    private CaseId caseId;
    private CaseStatus status;
    private LocalDate lastStepOn;

    protected CaseFile() {
        // for Axon
    }

    @CommandHandler
    public CaseFile(AssignCaseCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        DatePolicy.requireFactDate(calendar, command.assignedOn(), "assignedOn");
        if (directory.jurisdictionOn(command.jurisdictionCode(), command.assignedOn()).isEmpty()) {
            throw new RuleViolationException(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode",
                    command.jurisdictionCode().value() + " on " + command.assignedOn());
        }
        apply(new CaseAssignedEvent(command.caseId(), command.jurisdictionCode(), command.source(), command.kind(),
                command.description(), command.assignedOn(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    @CommandHandler
    public void handle(TransitionCaseCommand command, LedgerCalendar calendar) {
        DatePolicy.requireFactDate(calendar, command.on(), "on");
        CaseTransitionPolicy.requireNextStep(status, command.status());
        CaseTransitionPolicy.requireNotBeforePrevious(lastStepOn, command.on());
        apply(new CaseStatusChangedEvent(caseId, status, command.status(), command.note(), command.on(),
                command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @EventSourcingHandler
    void on(CaseAssignedEvent event) {
        caseId = event.caseId();
        status = CaseStatus.ASSIGNED;
        lastStepOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(CaseStatusChangedEvent event) {
        status = event.status();
        lastStepOn = event.occurredOn();
    }
}
