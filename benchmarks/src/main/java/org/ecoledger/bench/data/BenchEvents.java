package org.ecoledger.bench.data;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseAssignedEvent;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.CaseStatusChangedEvent;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.record.AccountabilityDecidedEvent;
import org.ecoledger.core.record.AccountabilityReferredEvent;
import org.ecoledger.core.record.AnnualAssessmentRecordedEvent;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.CompleteDepartureAuditCommand;
import org.ecoledger.core.record.DecideAccountabilityCommand;
import org.ecoledger.core.record.DepartureAuditCompletedEvent;
import org.ecoledger.core.record.GrassrootsDaysReportedEvent;
import org.ecoledger.core.record.ImposeOneVetoCommand;
import org.ecoledger.core.record.InspectionLedEvent;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.LeavePostCommand;
import org.ecoledger.core.record.ListSupervisionCommand;
import org.ecoledger.core.record.MeetingHeldEvent;
import org.ecoledger.core.record.OfficialAppointedEvent;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.OneVetoImposedEvent;
import org.ecoledger.core.record.PostLeftEvent;
import org.ecoledger.core.record.RecordAnnualAssessmentCommand;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.ReferAccountabilityCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ReportGrassrootsDaysCommand;
import org.ecoledger.core.record.SignResponsibilityLetterCommand;
import org.ecoledger.core.record.ResponsibilityLetterSignedEvent;
import org.ecoledger.core.record.SummonsIssuedEvent;
import org.ecoledger.core.record.SupervisionListedEvent;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The event each command of {@link BenchCity} makes its aggregate apply, built exactly as the command handlers build
 * it (a test checks this against the real aggregates), with the metadata the application stores with every event it
 * writes: the request id of the HTTP write and Axon's correlation and trace ids.
 */
public final class BenchEvents {

    private BenchEvents() {
    }

    /** The stored message of {@code step}: its event, at its aggregate and sequence, recorded at {@code now}. */
    public static DomainEventMessage<?> message(BenchCity.Step step, Instant now) {
        String origin = UUID.nameUUIDFromBytes((step.aggregateId() + "#" + step.sequence())
                                                       .getBytes(StandardCharsets.UTF_8)).toString();
        MetaData metaData = MetaData.from(Map.of("requestId", UUID.nameUUIDFromBytes(origin.getBytes(
                StandardCharsets.UTF_8)).toString(), "correlationId", origin, "traceId", origin));
        return new GenericDomainEventMessage<>(step.aggregateType(), step.aggregateId(), step.sequence(),
                                               event(step, now), metaData);
    }

    /**
     * The event the handler of {@code step}'s command applies when the ledger's clock reads {@code now}.
     *
     * @param step a step of a {@link BenchCity}; a case transition's previous status is the one before its own
     */
    public static Object event(BenchCity.Step step, Instant now) {
        Object command = step.command();
        if (command instanceof RegisterJurisdictionCommand c) {
            return new JurisdictionRegisteredEvent(c.code(), c.name(), c.level(), c.parentCode(), c.validFrom(),
                                                   c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof AssignCaseCommand c) {
            return new CaseAssignedEvent(c.caseId(), c.jurisdictionCode(), c.source(), c.kind(), c.description(),
                                         c.assignedOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof TransitionCaseCommand c) {
            CaseStatus previous = CaseStatus.values()[c.status().ordinal() - 1];
            return new CaseStatusChangedEvent(c.caseId(), previous, c.status(), c.note(), c.on(), c.sourceDocument(),
                                              c.recordedBy(), now);
        }
        if (command instanceof RegisterOfficialCommand c) {
            return new OfficialRegisteredEvent(c.officialId(), c.name(), c.occurredOn(), c.sourceDocument(),
                                               c.recordedBy(), now);
        }
        if (command instanceof AppointOfficialCommand c) {
            return new OfficialAppointedEvent(c.officialId(), c.postId(), c.jurisdictionCode(), c.departmentCode(),
                                              c.role(), c.responsibilityKind(), c.occurredOn(), c.sourceDocument(),
                                              c.recordedBy(), now);
        }
        if (command instanceof RecordMeetingCommand c) {
            return new MeetingHeldEvent(c.officialId(), c.postId(), c.body(), c.topics(), c.occurredOn(),
                                        c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof RecordLedInspectionCommand c) {
            return new InspectionLedEvent(c.officialId(), c.postId(), c.location(), c.findings(), c.occurredOn(),
                                          c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof ReportGrassrootsDaysCommand c) {
            return new GrassrootsDaysReportedEvent(c.officialId(), c.postId(), c.periodStart(), c.periodEnd(),
                                                   c.days(), c.workingDays(), c.occurredOn(), c.sourceDocument(),
                                                   c.recordedBy(), now);
        }
        if (command instanceof SignResponsibilityLetterCommand c) {
            return new ResponsibilityLetterSignedEvent(c.officialId(), c.year(), c.letterId(), c.keyTasks(),
                                                       c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof RecordAnnualAssessmentCommand c) {
            return new AnnualAssessmentRecordedEvent(c.officialId(), c.year(), c.grade(), c.conditions(),
                                                     c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof IssueSummonsCommand c) {
            return new SummonsIssuedEvent(c.officialId(), c.by(), c.reason(), c.rectificationDeadline(),
                                          c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof ListSupervisionCommand c) {
            return new SupervisionListedEvent(c.officialId(), c.problemId(), c.jurisdictionCode(), c.description(),
                                              c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof ImposeOneVetoCommand c) {
            return new OneVetoImposedEvent(c.officialId(), c.year(), c.unit(), c.capacity(), c.reason(),
                                           c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof ReferAccountabilityCommand c) {
            return new AccountabilityReferredEvent(c.officialId(), c.caseId(), c.reason(), c.referredTo(),
                                                   c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof DecideAccountabilityCommand c) {
            return new AccountabilityDecidedEvent(c.officialId(), c.caseId(), c.outcome(), c.occurredOn(),
                                                  c.sourceDocument(), c.recordedBy(), now);
        }
        if (command instanceof LeavePostCommand c) {
            return new PostLeftEvent(c.officialId(), c.postId(), c.reason(), c.occurredOn(), c.sourceDocument(),
                                     c.recordedBy(), now);
        }
        if (command instanceof CompleteDepartureAuditCommand c) {
            return new DepartureAuditCompletedEvent(c.officialId(), c.postId(), c.conclusion(), c.findings(),
                                                    c.occurredOn(), c.sourceDocument(), c.recordedBy(), now);
        }
        throw new IllegalArgumentException("no event for " + command.getClass().getName());
    }
}
