package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 档案事件 (an event of an {@link OfficialRecord}): the registration or one entry. Every event records who wrote it
 * ({@code recordedBy}), when ({@code recordedAt}, from the injected clock), the date of the fact
 * ({@code occurredOn}) and the document number ({@code sourceDocument}, 文号, nullable).
 */
public sealed interface RecordEvent permits OfficialRegisteredEvent, OfficialAppointedEvent, PostLeftEvent,
        ResponsibilityLetterSignedEvent, MeetingHeldEvent, InspectionLedEvent, GrassrootsDaysReportedEvent,
        SummonsIssuedEvent, SupervisionListedEvent, AnnualAssessmentRecordedEvent, OneVetoImposedEvent,
        AccountabilityReferredEvent, AccountabilityDecidedEvent, LifetimeAccountabilityOpenedEvent,
        DepartureAuditCompletedEvent, EntryCorrectedEvent {

    OfficialId officialId();

    LocalDate occurredOn();

    String sourceDocument();

    String recordedBy();

    Instant recordedAt();
}
