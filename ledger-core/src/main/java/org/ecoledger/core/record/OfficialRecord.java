package org.ecoledger.core.record;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerCalendar;

/**
 * 领导干部生态环境保护履职档案 (an official's record), 003 "党政同责、一岗双责", 002 "终身追责": the tamper-evident history
 * of how one official carried their eco-environment duties, for life. One event-sourced aggregate per official.
 *
 * <p>Each command handler checks the entry's dates ({@link DatePolicy}), then the named policies of its entry type,
 * then applies one event; state changes only in the event sourcing handlers. The cross-aggregate facts (did a place
 * exist on a date, at which level) come from the {@link ReferenceDirectory}, and "now" from the
 * {@link LedgerCalendar}; both are handler parameters (Axon resources).
 *
 * <p>The record's state serves its rules only: the posts and tenures, the years assessed and vetoed, the
 * accountability cases referred and decided, and the type of each entry by sequence. A correction does not change
 * this state (it supersedes the entry in views); see {@code docs/rules.md}.
 */
public class OfficialRecord {

    @AggregateIdentifier
    private OfficialId officialId;
    /** Entry {@code n} (sequence n, counted from the registration at 0) at index {@code n - 1}. */
    private final List<EntryType> entries = new ArrayList<>();
    private final PostHistory posts = new PostHistory();
    private final Set<Integer> assessedYears = new HashSet<>();
    private final Set<Integer> vetoedYears = new HashSet<>();
    private final Map<AccountabilityCaseId, LocalDate> firstReferral = new HashMap<>();
    private final Set<AccountabilityCaseId> decided = new HashSet<>();

    protected OfficialRecord() {
        // for Axon
    }

    @CommandHandler
    public OfficialRecord(RegisterOfficialCommand command, LedgerCalendar calendar) {
        LocalDate on = command.occurredOn() == null ? calendar.today() : command.occurredOn();
        DatePolicy.requireFactDate(calendar, on, "occurredOn");
        apply(new OfficialRegisteredEvent(command.officialId(), command.name(), on, command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(AppointOfficialCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        requireOccurredOn(command, calendar);
        AppointmentPolicy.requirePostFree(posts, command.postId(), command.occurredOn());
        Places.PostPlace place = Places.requireOn(command.jurisdictionCode(), command.departmentCode(),
                command.occurredOn(), directory, null);
        AppointmentPolicy.requireRoleFitsPlace(command.role(), place);
        AppointmentPolicy.requireKindFitsRole(command.role(), command.responsibilityKind());
        apply(new OfficialAppointedEvent(officialId, command.postId(), command.jurisdictionCode(),
                command.departmentCode(), command.role(), command.responsibilityKind(), command.occurredOn(),
                command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(LeavePostCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        TenurePolicy.requireLeavable(posts, command.postId(), command.occurredOn());
        apply(new PostLeftEvent(officialId, command.postId(), command.reason(), command.occurredOn(),
                command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(SignResponsibilityLetterCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        YearPolicy.requireLetterYear(command.year(), command.occurredOn());
        apply(new ResponsibilityLetterSignedEvent(officialId, command.year(), command.letterId(),
                command.keyTasks(), command.occurredOn(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    @CommandHandler
    public void handle(RecordMeetingCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        requireOccurredOn(command, calendar);
        Tenure tenure = TenurePolicy.requireHeldOn(posts, command.postId(), command.occurredOn());
        Places.PostPlace place = Places.requireOn(tenure.jurisdictionCode(), tenure.departmentCode(),
                command.occurredOn(), directory, "postId");
        MeetingBodyPolicy.requireFits(command.body(), tenure.role(), place.level());
        apply(new MeetingHeldEvent(officialId, command.postId(), command.body(), command.topics(),
                command.occurredOn(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(RecordLedInspectionCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        TenurePolicy.requireHeldOn(posts, command.postId(), command.occurredOn());
        apply(new InspectionLedEvent(officialId, command.postId(), command.location(), command.findings(),
                command.occurredOn(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(ReportGrassrootsDaysCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        DatePolicy.requireFactDate(calendar, command.periodStart(), "periodStart");
        DatePolicy.requireFactDate(calendar, command.periodEnd(), "periodEnd");
        GrassrootsPolicy.requirePeriod(command.periodStart(), command.periodEnd());
        GrassrootsPolicy.requireDays(command.days(), command.workingDays(), command.periodStart(),
                command.periodEnd());
        TenurePolicy.requireHeldThroughout(posts, command.postId(), command.periodStart(), command.periodEnd());
        apply(new GrassrootsDaysReportedEvent(officialId, command.postId(), command.periodStart(),
                command.periodEnd(), command.days(), command.workingDays(), command.occurredOn(),
                command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(IssueSummonsCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        SummonsPolicy.requireDeadline(command.rectificationDeadline(), command.occurredOn());
        apply(new SummonsIssuedEvent(officialId, command.by(), command.reason(), command.rectificationDeadline(),
                command.occurredOn(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(ListSupervisionCommand command, LedgerCalendar calendar, ReferenceDirectory directory) {
        requireOccurredOn(command, calendar);
        Places.requireJurisdiction(command.jurisdictionCode(), command.occurredOn(), directory, "jurisdictionCode");
        apply(new SupervisionListedEvent(officialId, command.problemId(), command.jurisdictionCode(),
                command.description(), command.occurredOn(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    @CommandHandler
    public void handle(RecordAnnualAssessmentCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        YearPolicy.requireBegun(command.year(), command.occurredOn());
        AssessmentPolicy.requireYearNotAssessed(assessedYears, command.year());
        AssessmentPolicy.requireConditions(command.conditions());
        AssessmentPolicy.requireExcellentAllowed(command.grade(), command.conditions(),
                vetoedYears.contains(command.year()));
        apply(new AnnualAssessmentRecordedEvent(officialId, command.year(), command.grade(), command.conditions(),
                command.occurredOn(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(ImposeOneVetoCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        YearPolicy.requireBegun(command.year(), command.occurredOn());
        OneVetoPolicy.requireCapacityHeld(posts, command.year(), command.capacity());
        apply(new OneVetoImposedEvent(officialId, command.year(), command.unit(), command.capacity(),
                command.reason(), command.occurredOn(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    @CommandHandler
    public void handle(ReferAccountabilityCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        apply(new AccountabilityReferredEvent(officialId, command.caseId(), command.reason(), command.referredTo(),
                command.occurredOn(), command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(DecideAccountabilityCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        AccountabilityPolicy.requireDecidable(firstReferral, decided, command.caseId(), command.occurredOn());
        apply(new AccountabilityDecidedEvent(officialId, command.caseId(), command.outcome(), command.occurredOn(),
                command.sourceDocument(), command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(OpenLifetimeAccountabilityCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        DatePolicy.requireFactDate(calendar, command.damageOccurredOn(), "damageOccurredOn");
        LifetimeAccountabilityPolicy.requireDamageInTenure(posts, command.postId(), command.damageOccurredOn(),
                command.occurredOn());
        apply(new LifetimeAccountabilityOpenedEvent(officialId, command.caseId(), command.postId(),
                command.damageOccurredOn(), command.description(), command.occurredOn(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    @CommandHandler
    public void handle(CompleteDepartureAuditCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        LifetimeAccountabilityPolicy.requireAuditable(posts, command.postId(), command.occurredOn());
        apply(new DepartureAuditCompletedEvent(officialId, command.postId(), command.conclusion(),
                command.findings(), command.occurredOn(), command.sourceDocument(), command.recordedBy(),
                calendar.now()));
    }

    @CommandHandler
    public void handle(CorrectEntryCommand command, LedgerCalendar calendar) {
        requireOccurredOn(command, calendar);
        EntryType corrected = CorrectionPolicy.requireCorrectable(entries, command.correctsSequence());
        CorrectionPolicy.requireSameType(corrected, command.correctedType(), command.replacement());
        Replacement.requireFieldsOf(command.replacement(), corrected);
        apply(new EntryCorrectedEvent(officialId, command.correctsSequence(), corrected, command.reason(),
                command.approvedBy(), command.replacement(), command.occurredOn(), command.sourceDocument(),
                command.recordedBy(), calendar.now()));
    }

    private static void requireOccurredOn(RecordCommand command, LedgerCalendar calendar) {
        DatePolicy.requireFactDate(calendar, command.occurredOn(), "occurredOn");
    }

    // ---------------------------------------------------------------- state, from events only

    @EventSourcingHandler
    void on(OfficialRegisteredEvent event) {
        officialId = event.officialId();
    }

    @EventSourcingHandler
    void on(OfficialAppointedEvent event) {
        posts.appointed(event);
        entries.add(EntryType.APPOINTED);
    }

    @EventSourcingHandler
    void on(PostLeftEvent event) {
        posts.left(event);
        entries.add(EntryType.LEFT_POST);
    }

    @EventSourcingHandler
    void on(ResponsibilityLetterSignedEvent event) {
        entries.add(EntryType.RESPONSIBILITY_LETTER_SIGNED);
    }

    @EventSourcingHandler
    void on(MeetingHeldEvent event) {
        entries.add(EntryType.MEETING_HELD);
    }

    @EventSourcingHandler
    void on(InspectionLedEvent event) {
        entries.add(EntryType.INSPECTION_LED);
    }

    @EventSourcingHandler
    void on(GrassrootsDaysReportedEvent event) {
        entries.add(EntryType.GRASSROOTS_DAYS_REPORTED);
    }

    @EventSourcingHandler
    void on(SummonsIssuedEvent event) {
        entries.add(EntryType.SUMMONED);
    }

    @EventSourcingHandler
    void on(SupervisionListedEvent event) {
        entries.add(EntryType.SUPERVISION_LISTED);
    }

    @EventSourcingHandler
    void on(AnnualAssessmentRecordedEvent event) {
        assessedYears.add(event.year());
        entries.add(EntryType.ANNUAL_ASSESSMENT);
    }

    @EventSourcingHandler
    void on(OneVetoImposedEvent event) {
        vetoedYears.add(event.year());
        entries.add(EntryType.ONE_VETO);
    }

    @EventSourcingHandler
    void on(AccountabilityReferredEvent event) {
        firstReferral.merge(event.caseId(), event.occurredOn(), (a, b) -> a.isBefore(b) ? a : b);
        entries.add(EntryType.ACCOUNTABILITY_REFERRED);
    }

    @EventSourcingHandler
    void on(AccountabilityDecidedEvent event) {
        decided.add(event.caseId());
        entries.add(EntryType.ACCOUNTABILITY_DECIDED);
    }

    @EventSourcingHandler
    void on(LifetimeAccountabilityOpenedEvent event) {
        entries.add(EntryType.LIFETIME_ACCOUNTABILITY_OPENED);
    }

    @EventSourcingHandler
    void on(DepartureAuditCompletedEvent event) {
        entries.add(EntryType.DEPARTURE_AUDIT_COMPLETED);
    }

    @EventSourcingHandler
    void on(EntryCorrectedEvent event) {
        entries.add(EntryType.CORRECTION);
    }
}
