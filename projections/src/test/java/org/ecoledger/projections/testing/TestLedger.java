package org.ecoledger.projections.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.ecoledger.core.casefile.CaseAssignedEvent;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.CaseStatusChangedEvent;
import org.ecoledger.core.record.AccountabilityCaseId;
import org.ecoledger.core.record.AccountabilityDecidedEvent;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AccountabilityReferredEvent;
import org.ecoledger.core.record.AnnualAssessmentRecordedEvent;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.DepartureAuditCompletedEvent;
import org.ecoledger.core.record.EntryCorrectedEvent;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.GrassrootsDaysReportedEvent;
import org.ecoledger.core.record.InspectionLedEvent;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.LifetimeAccountabilityOpenedEvent;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.MeetingHeldEvent;
import org.ecoledger.core.record.OfficialAppointedEvent;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.OneVetoImposedEvent;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.PostLeftEvent;
import org.ecoledger.core.record.ProblemId;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.record.SummonsIssuedEvent;
import org.ecoledger.core.record.SupervisionListedEvent;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.DepartmentRegisteredEvent;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.JurisdictionMovedEvent;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.core.testing.TestStore;
import org.ecoledger.projections.ProjectionsModule;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.asof.EventStoreRecordSource;
import org.ecoledger.projections.cases.InspectionCaseStore;
import org.ecoledger.projections.compliance.ComplianceService;
import org.ecoledger.projections.dossier.DossierService;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.OfficialRecordStore;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.search.OfficialSearch;
import org.ecoledger.projections.tracing.ResponsibleService;

/**
 * A ledger for view tests: Axon's in-memory event store, every read model of {@link ProjectionsModule} subscribed
 * to it through Axon's own handler invocation (so the annotations are what runs), on an in-memory MongoDB-wire server,
 * and the services on top. Events are given as the aggregates would have applied them; {@link #recordingOn} sets the
 * {@code recordedAt} of the next ones (10:00 in the ledger's zone, one second later for each event).
 */
public final class TestLedger implements AutoCloseable {

    public static final ZoneId ZONE = LedgerCalendar.DEFAULT_ZONE;
    /** "Today" of the services: 2024-06-01. */
    public static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    public static final String RECORDER = "office-test";
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    public static final RuleSets RULE_SETS = RuleSets.defaults(MAPPER);

    static final Map<Role, ResponsibilityKind> KIND = Map.of(
            Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, Role.GOVERNMENT_HEAD, ResponsibilityKind.OVERALL,
            Role.VILLAGE_SECRETARY, ResponsibilityKind.OVERALL, Role.VILLAGE_DIRECTOR, ResponsibilityKind.OVERALL,
            Role.DEPUTY_IN_CHARGE, ResponsibilityKind.IN_CHARGE, Role.OTHER_MEMBER, ResponsibilityKind.IN_CHARGE,
            Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN, Role.DEPARTMENT_DEPUTY, ResponsibilityKind.DIRECT);

    public final TestStore store = TestStore.inMemory();
    public final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    public final List<Object> handlers = ProjectionsModule.handlers(store.database());
    private final SubscribingEventProcessor processor;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant recordedAt = LocalDate.of(2016, 1, 1).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();

    public final LedgerCalendar calendar = new LedgerCalendar(
            Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE), ZONE);
    public final PlaceDirectory places = new PlaceDirectory(store.database());
    public final OfficialRecordStore records = new OfficialRecordStore(store.database());
    public final EventStoreRecordSource history = new EventStoreRecordSource(eventStore);
    public final InspectionCaseStore cases = new InspectionCaseStore(store.database());
    public final DossierService dossiers = new DossierService(records, history, places, cases, RULE_SETS, calendar);
    public final PromotionReviewService reviews = new PromotionReviewService(history, places, RULE_SETS, calendar);
    public final ResponsibleService responsible = new ResponsibleService(places, records);
    public final ComplianceService compliance = new ComplianceService(places, records, RULE_SETS, calendar);
    public final OfficialSearch search = new OfficialSearch(store.database(), places);

    public TestLedger() {
        processor = SubscribingEventProcessor.builder()
                .name("views-under-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handlers).build())
                .messageSource(eventStore)
                .build();
        processor.start();
    }

    @Override
    public void close() {
        processor.shutDown();
        eventStore.shutDown();
        store.close();
    }

    public static AsOf endOf(LocalDate date) {
        return AsOf.endOf(date, ZONE);
    }

    /** The next events are recorded on {@code date} (from 10:00 in the ledger's zone). */
    public TestLedger recordingOn(LocalDate date) {
        recordedAt = date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
        return this;
    }

    private Instant stamp() {
        Instant at = recordedAt;
        recordedAt = recordedAt.plusSeconds(1);
        return at;
    }

    /** Appends an event of an aggregate (published to the read models); returns its sequence. */
    public long publish(String type, String plainId, Object payload) {
        // The store keys records by typed aggregate identifiers (official/X, jurisdiction/X, ...), as Axon does.
        String aggregateId = switch (type) {
            case "OfficialRecord" -> OfficialId.of(plainId).aggregateIdentifier();
            case "Jurisdiction" -> JurisdictionCode.of(plainId).aggregateIdentifier();
            case "Department" -> DepartmentCode.of(plainId).aggregateIdentifier();
            case "CaseFile" -> CaseId.of(plainId).aggregateIdentifier();
            default -> plainId;
        };
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload));
        return sequence;
    }

    // ------------------------------------------------------------------ places

    public void place(String code, String name, JurisdictionLevel level, String parent, LocalDate from) {
        publish("Jurisdiction", code, new JurisdictionRegisteredEvent(JurisdictionCode.of(code), name, level,
                parent == null ? null : JurisdictionCode.of(parent), from, null, RECORDER, stamp()));
    }

    public void move(String code, String parent, LocalDate on) {
        publish("Jurisdiction", code, new JurisdictionMovedEvent(JurisdictionCode.of(code),
                JurisdictionCode.of(parent), on, null, RECORDER, stamp()));
    }

    public void department(String code, String name, String jurisdiction, LocalDate from) {
        publish("Department", code, new DepartmentRegisteredEvent(DepartmentCode.of(code), name,
                JurisdictionCode.of(jurisdiction), from, null, RECORDER, stamp()));
    }

    // ------------------------------------------------------------------ an official's record

    private long record(String officialId, Object event) {
        return publish("OfficialRecord", officialId, event);
    }

    public long official(String id, String name) {
        return record(id, new OfficialRegisteredEvent(OfficialId.of(id), name, LocalDate.of(2016, 1, 1), null,
                RECORDER, stamp()));
    }

    public long appoint(String id, String postId, String jurisdiction, Role role, LocalDate on) {
        return record(id, new OfficialAppointedEvent(OfficialId.of(id), PostId.of(postId),
                JurisdictionCode.of(jurisdiction), null, role, KIND.get(role), on, "任字1号", RECORDER, stamp()));
    }

    public long appointAtDepartment(String id, String postId, String department, Role role, LocalDate on) {
        return record(id, new OfficialAppointedEvent(OfficialId.of(id), PostId.of(postId), null,
                DepartmentCode.of(department), role, KIND.get(role), on, null, RECORDER, stamp()));
    }

    public long leave(String id, String postId, LocalDate on, LeavingReason reason) {
        return record(id, new PostLeftEvent(OfficialId.of(id), PostId.of(postId), reason, on, null, RECORDER,
                stamp()));
    }

    public long meeting(String id, String postId, MeetingBody body, LocalDate on) {
        return record(id, new MeetingHeldEvent(OfficialId.of(id), PostId.of(postId), body, List.of("大气污染防治"), on,
                null, RECORDER, stamp()));
    }

    public long inspection(String id, String postId, LocalDate on) {
        return record(id, new InspectionLedEvent(OfficialId.of(id), PostId.of(postId), "石河", "无", on, null, RECORDER,
                stamp()));
    }

    public long grassroots(String id, String postId, LocalDate start, LocalDate end, int days, int workingDays,
                           LocalDate on) {
        return record(id, new GrassrootsDaysReportedEvent(OfficialId.of(id), PostId.of(postId), start, end, days,
                workingDays, on, null, RECORDER, stamp()));
    }

    public long summons(String id, LocalDate on) {
        return record(id, new SummonsIssuedEvent(OfficialId.of(id), "市委组织部", "空气质量排名末位", on.plusMonths(3), on,
                null, RECORDER, stamp()));
    }

    public long listed(String id, String problem, String jurisdiction, LocalDate on) {
        return record(id, new SupervisionListedEvent(OfficialId.of(id), ProblemId.of(problem),
                JurisdictionCode.of(jurisdiction), "黑臭水体", on, null, RECORDER, stamp()));
    }

    public long assessment(String id, int year, AssessmentGrade grade, LocalDate on, Integer... conditions) {
        return record(id, new AnnualAssessmentRecordedEvent(OfficialId.of(id), year, grade, List.of(conditions), on,
                null, RECORDER, stamp()));
    }

    public long oneVeto(String id, int year, OneVetoCapacity capacity, LocalDate on) {
        return record(id, new OneVetoImposedEvent(OfficialId.of(id), year, "某县", capacity, "重大环境污染事故", on, null,
                RECORDER, stamp()));
    }

    public long refer(String id, String caseId, LocalDate on) {
        return record(id, new AccountabilityReferredEvent(OfficialId.of(id), AccountabilityCaseId.of(caseId), "失职",
                "市纪委监委", on, null, RECORDER, stamp()));
    }

    public long decide(String id, String caseId, AccountabilityOutcome outcome, LocalDate on) {
        return record(id, new AccountabilityDecidedEvent(OfficialId.of(id), AccountabilityCaseId.of(caseId), outcome,
                on, null, RECORDER, stamp()));
    }

    public long lifetime(String id, String caseId, String postId, LocalDate damage, LocalDate on) {
        return record(id, new LifetimeAccountabilityOpenedEvent(OfficialId.of(id), AccountabilityCaseId.of(caseId),
                PostId.of(postId), damage, "非法采砂造成河道生态损害", on, null, RECORDER, stamp()));
    }

    public long audit(String id, String postId, LocalDate on) {
        return record(id, new DepartureAuditCompletedEvent(OfficialId.of(id), PostId.of(postId), "基本履行",
                List.of("湿地保护不到位"), on, null, RECORDER, stamp()));
    }

    public long correct(String id, long sequence, EntryType type, ObjectNode replacement, LocalDate on) {
        return record(id, new EntryCorrectedEvent(OfficialId.of(id), sequence, type, "录入错误", "市委组织部部务会",
                replacement, on, null, RECORDER, stamp()));
    }

    // ------------------------------------------------------------------ inspection cases

    public void assignCase(String caseId, String jurisdiction, LocalDate on) {
        publish("CaseFile", caseId, new CaseAssignedEvent(CaseId.of(caseId), JurisdictionCode.of(jurisdiction),
                CaseSource.CENTRAL, CaseKind.PETITION, "群众反映养殖场污染", on, null, RECORDER, stamp()));
    }

    public void stepCase(String caseId, CaseStatus from, CaseStatus to, LocalDate on) {
        publish("CaseFile", caseId, new CaseStatusChangedEvent(CaseId.of(caseId), from, to, null, on, null, RECORDER,
                stamp()));
    }
}
