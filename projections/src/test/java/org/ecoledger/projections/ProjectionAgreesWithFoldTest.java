package org.ecoledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.record.OfficialRecordProjection;
import org.ecoledger.projections.record.OfficialSummary;
import org.ecoledger.projections.record.RecordEntries;
import org.ecoledger.projections.record.RecordEntry;
import org.ecoledger.projections.record.RecordFold;
import org.ecoledger.projections.record.RecordState;
import org.ecoledger.projections.record.TenureState;
import org.ecoledger.projections.testing.TestLedger;
import org.ecoledger.projections.tracing.ResponsibleView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * For a generated ledger (a city of 3 counties, 6 townships, 12 villages; 36 officials with random posts, entries and
 * corrections over 2016–2019, recorded with random delays), the read model and the on-demand fold agree for every
 * official at several dates; incident tracing agrees with a brute-force answer from the folds; and replaying every
 * event (again, or after a reset) leaves the read models unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionAgreesWithFoldTest {

    static final long SEED = 20240601L;
    static final int OFFICIALS = 36;
    static final List<LocalDate> DATES = List.of(LocalDate.of(2016, 6, 30), LocalDate.of(2017, 12, 31),
            LocalDate.of(2018, 9, 30), LocalDate.of(2019, 12, 31), LocalDate.of(2020, 6, 30));

    TestLedger ledger;
    final Random random = new Random(SEED);
    final List<String> officials = new ArrayList<>();
    final List<String> townships = new ArrayList<>();
    final List<String> villages = new ArrayList<>();
    final List<String> counties = new ArrayList<>();

    /** One planned event: when it is recorded, for which official, and how to append it. */
    record Planned(LocalDate recordedOn, int order, String officialId, Supplier<Long> append) {
    }

    @BeforeAll
    void generate() {
        ledger = new TestLedger();
        ledger.place("C", "市", JurisdictionLevel.CITY, null, LocalDate.of(2000, 1, 1));
        for (int k = 0; k < 3; k++) {
            String county = "K" + k;
            counties.add(county);
            ledger.place(county, "县" + k, JurisdictionLevel.COUNTY, "C", LocalDate.of(2000, 1, 1));
            for (int t = 0; t < 2; t++) {
                String township = county + "T" + t;
                townships.add(township);
                ledger.place(township, "镇" + township, JurisdictionLevel.TOWNSHIP, county, LocalDate.of(2000, 1, 1));
                for (int v = 0; v < 2; v++) {
                    String village = township + "V" + v;
                    villages.add(village);
                    ledger.place(village, "村" + village, JurisdictionLevel.VILLAGE, township,
                            LocalDate.of(2000, 1, 1));
                }
            }
        }
        ledger.department("C-EPB", "市生态环境局", "C", LocalDate.of(2000, 1, 1));
        ledger.recordingOn(LocalDate.of(2017, 3, 1));
        ledger.move(villages.get(0), townships.get(1), LocalDate.of(2017, 3, 1));

        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < OFFICIALS; i++) {
            plan.addAll(official("o" + i));
        }
        plan.sort(Comparator.comparing(Planned::recordedOn).thenComparingInt(Planned::order));
        for (Planned planned : plan) {
            ledger.recordingOn(planned.recordedOn());
            planned.append().get();
        }
    }

    @AfterAll
    void close() {
        ledger.close();
    }

    LocalDate day(LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(span <= 0 ? 0 : random.nextInt((int) span + 1));
    }

    /** An official's events, with recording dates; sequences follow the recording order. */
    List<Planned> official(String id) {
        officials.add(id);
        List<Planned> plan = new ArrayList<>();
        int[] order = {0};
        LocalDate start = LocalDate.of(2016, 1, 1);
        plan.add(new Planned(start.minusDays(1), order[0]++, id, () -> ledger.official(id, "干部" + id)));
        int posts = 1 + random.nextInt(2);
        List<Long> seqs = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            String postId = id + "-P" + p;
            Role role;
            String place;
            boolean department = random.nextInt(6) == 0;
            int level = random.nextInt(4);
            if (department) {
                role = Role.DEPARTMENT_HEAD;
                place = "C-EPB";
            } else if (level == 0) {
                role = random.nextBoolean() ? Role.PARTY_SECRETARY : Role.GOVERNMENT_HEAD;
                place = "C";
            } else if (level == 1) {
                role = List.of(Role.PARTY_SECRETARY, Role.GOVERNMENT_HEAD, Role.DEPUTY_IN_CHARGE).get(random.nextInt(3));
                place = counties.get(random.nextInt(counties.size()));
            } else if (level == 2) {
                role = random.nextBoolean() ? Role.PARTY_SECRETARY : Role.GOVERNMENT_HEAD;
                place = townships.get(random.nextInt(townships.size()));
            } else {
                role = random.nextBoolean() ? Role.VILLAGE_SECRETARY : Role.VILLAGE_DIRECTOR;
                place = villages.get(random.nextInt(villages.size()));
            }
            LocalDate from = day(LocalDate.of(2016, 1, 1), LocalDate.of(2018, 6, 30));
            LocalDate to = random.nextBoolean() ? day(from.plusMonths(3), LocalDate.of(2019, 12, 31)) : null;
            LocalDate end = to == null ? LocalDate.of(2019, 12, 31) : to;
            Role r = role;
            plan.add(new Planned(from, order[0]++, id, department
                    ? () -> ledger.appointAtDepartment(id, postId, place, r, from)
                    : () -> ledger.appoint(id, postId, place, r, from)));
            int entries = 3 + random.nextInt(10);
            for (int e = 0; e < entries; e++) {
                LocalDate on = day(from, end);
                LocalDate recorded = on.plusDays(random.nextInt(40));
                int kind = random.nextInt(8);
                Supplier<Long> append = switch (kind) {
                    case 0, 1 -> () -> ledger.inspection(id, postId, on);
                    case 2, 3 -> {
                        MeetingBody body = switch (r) {
                            case DEPARTMENT_HEAD -> MeetingBody.DEPARTMENT;
                            case GOVERNMENT_HEAD -> MeetingBody.GOVERNMENT_EXECUTIVE;
                            default -> MeetingBody.STANDING_COMMITTEE;
                        };
                        yield () -> ledger.meeting(id, postId, body, on);
                    }
                    case 4 -> () -> ledger.summons(id, on);
                    case 5 -> () -> ledger.assessment(id, on.getYear(),
                            AssessmentGrade.values()[random.nextInt(3)], on);
                    case 6 -> () -> ledger.oneVeto(id, on.getYear(), OneVetoCapacity.DIRECTLY_RESPONSIBLE, on);
                    default -> () -> {
                        String caseId = id + "-A" + on;
                        long s = ledger.refer(id, caseId, on);
                        if (random.nextBoolean()) {
                            ledger.decide(id, caseId, AccountabilityOutcome.CIRCULATED_CRITICISM, on);
                        }
                        return s;
                    };
                };
                plan.add(new Planned(recorded, order[0]++, id, append));
            }
            if (to != null) {
                plan.add(new Planned(to.plusDays(random.nextInt(20)), order[0]++, id,
                        () -> ledger.leave(id, postId, to, LeavingReason.values()[random.nextInt(5)])));
                if (random.nextInt(3) == 0) {
                    LocalDate opened = day(to.plusDays(30), LocalDate.of(2021, 12, 31));
                    LocalDate damage = day(from, to);
                    plan.add(new Planned(opened, order[0]++, id,
                            () -> ledger.lifetime(id, id + "-L" + postId, postId, damage, opened)));
                }
            }
        }
        // corrections, recorded in 2020–2021, of whatever entry the record has at sequence 1..4
        int corrections = random.nextInt(3);
        for (int c = 0; c < corrections; c++) {
            LocalDate on = day(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30));
            long target = 1 + random.nextInt(4);
            plan.add(new Planned(on, order[0]++, id, () -> correct(id, target, on)));
        }
        return plan;
    }

    /** Corrects the entry at {@code target} (if it is one) with its own fields, its date moved by a few days. */
    long correct(String id, long target, LocalDate on) {
        DomainEventStream stream = ledger.eventStore.readEvents(OfficialId.of(id).aggregateIdentifier(), 0);
        while (stream.hasNext()) {
            var message = stream.next();
            if (message.getSequenceNumber() == target && message.getPayload() instanceof RecordEvent event) {
                RecordEntry entry = RecordEntries.of(target, event);
                if (entry.type() == null || entry.type() == EntryType.CORRECTION) {
                    return -1;
                }
                ObjectNode fields = entry.fields();
                fields.set("occurredOn", TextNode.valueOf(entry.occurredOn().plusDays(3).toString()));
                if (entry.type() == EntryType.ANNUAL_ASSESSMENT) {
                    fields.put("grade", "UNQUALIFIED");
                }
                return ledger.correct(id, target, entry.type(), fields, on);
            }
        }
        return -1;
    }

    RecordState projected(String id, AsOf asOf) {
        return RecordFold.fold(id, ledger.records.entries(id).orElseThrow(), asOf);
    }

    RecordState onDemand(String id, AsOf asOf) {
        return RecordFold.fold(id, ledger.history.entries(id).orElseThrow(), asOf);
    }

    @Test
    void theGeneratedLedger_isNotTrivial() {
        long corrections = officials.stream().mapToLong(id -> onDemand(id, AsOf.now()).corrections().size()).sum();
        long left = officials.stream().flatMap(id -> onDemand(id, AsOf.now()).tenures().stream())
                .filter(t -> t.to() != null).count();
        long entries = officials.stream().mapToLong(id -> onDemand(id, AsOf.now()).entries().size()).sum();
        assertThat(corrections).isGreaterThan(5);
        assertThat(left).isGreaterThan(5);
        assertThat(entries).isGreaterThan(300);
    }

    @Test
    void theStoredEntries_foldExactlyLikeTheEventStores_forEveryOfficial_atSeveralDates() {
        for (String id : officials) {
            assertThat(projected(id, AsOf.now())).as(id + " now").isEqualTo(onDemand(id, AsOf.now()));
            for (LocalDate date : DATES) {
                AsOf asOf = TestLedger.endOf(date);
                assertThat(projected(id, asOf)).as(id + " as of " + date).isEqualTo(onDemand(id, asOf));
            }
        }
    }

    @Test
    void theSummaries_holdTheFoldsTenures_andTheDossiersAgree() {
        for (String id : officials) {
            RecordState now = onDemand(id, AsOf.now());
            OfficialSummary summary = ledger.records.summary(id).orElseThrow();
            assertThat(summary.tenures()).as(id).isEqualTo(now.tenures());
            assertThat(summary.headSequence()).as(id).isEqualTo(now.headSequence());
            assertThat(ledger.dossiers.dossier(id, AsOf.now()).orElseThrow())
                    .isEqualTo(ledger.dossiers.dossier(now));
            AsOf asOf = TestLedger.endOf(LocalDate.of(2018, 9, 30));
            assertThat(ledger.dossiers.dossier(id, asOf).orElseThrow())
                    .isEqualTo(ledger.dossiers.dossier(projected(id, asOf)));
        }
    }

    @Test
    void incidentTracing_agreesWithABruteForceAnswerFromTheFolds() {
        List<RecordState> all = officials.stream().map(id -> onDemand(id, AsOf.now())).toList();
        for (LocalDate date : DATES) {
            for (String village : villages) {
                List<String> chain = ledger.places.ancestry(village, date).stream()
                        .map(place -> place.code().value()).toList();
                List<String> expected = new ArrayList<>();
                for (RecordState state : all) {
                    for (TenureState tenure : state.tenures()) {
                        if (tenure.jurisdictionCode() != null && chain.contains(tenure.jurisdictionCode())
                                && tenure.covers(date)) {
                            expected.add(state.officialId() + "/" + tenure.postId());
                        }
                    }
                }
                List<String> actual = ledger.responsible.responsible(village, date).orElseThrow().stream()
                        .map(view -> view.officialId() + "/" + view.postId()).toList();
                assertThat(actual).as(village + " on " + date).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void replayingEveryEvent_again_orAfterAReset_leavesTheReadModelsUnchanged() throws Exception {
        Map<String, List<Document>> before = snapshot();
        List<EventMessage<?>> events = new ArrayList<>();
        try (var stream = ledger.eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        }
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(ledger.handlers).build();

        for (EventMessage<?> event : events.subList(events.size() / 2, events.size())) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
        for (EventMessage<?> event : events) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(snapshot()).isEqualTo(before);

        invoker.performReset();
        assertThat(views().values()).as("the views after a reset").allMatch(List::isEmpty);
        for (EventMessage<?> event : events) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void replayingEveryEvent_inProcessorBatches_leavesTheReadModelsUnchanged() throws Exception {
        Map<String, List<Document>> before = snapshot();
        List<EventMessage<?>> events = new ArrayList<>();
        try (var stream = ledger.eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        }
        SimpleEventHandlerInvoker all = SimpleEventHandlerInvoker.builder().eventHandlers(ledger.handlers).build();
        all.performReset();
        assertThat(views().values()).as("the views after a reset").allMatch(List::isEmpty);

        // As a tracking processor of the official records' group does: batches of the events its handler handles
        // (of several sizes, so batches start and end inside records), each in a BatchingUnitOfWork.
        Object records = ledger.handlers.stream().filter(OfficialRecordProjection.class::isInstance).findFirst()
                                        .orElseThrow();
        SimpleEventHandlerInvoker recordsInvoker = SimpleEventHandlerInvoker.builder().eventHandlers(records).build();
        SimpleEventHandlerInvoker others = SimpleEventHandlerInvoker.builder()
                .eventHandlers(ledger.handlers.stream().filter(h -> h != records).toList()).build();
        List<EventMessage<?>> recordEvents = new ArrayList<>();
        for (EventMessage<?> event : events) {
            others.handle(event, Segment.ROOT_SEGMENT);
            if (recordsInvoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                recordEvents.add(event);
            }
        }
        int[] sizes = {1, 7, 100, 33};
        for (int from = 0, n = 0; from < recordEvents.size(); n++) {
            int to = Math.min(recordEvents.size(), from + sizes[n % sizes.length]);
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(recordEvents.subList(from, to));
            batch.executeWithResult(() -> {
                recordsInvoker.handle(batch.getMessage(), Segment.ROOT_SEGMENT);
                return null;
            });
            assertThat(batch.getExecutionResult().isExceptionResult()).isFalse();
            from = to;
        }
        // view_posts_at holds sets ($addToSet): a batch recomputes an official's places once, at its end, so the
        // officials of a place may be added in another order than one event at a time
        assertThat(withSetsSorted(snapshot())).isEqualTo(withSetsSorted(before));
    }

    static Map<String, List<Document>> withSetsSorted(Map<String, List<Document>> snapshot) {
        Map<String, List<Document>> sorted = new TreeMap<>(snapshot);
        sorted.put(OfficialRecordProjection.POSTS_AT, snapshot.get(OfficialRecordProjection.POSTS_AT).stream()
                .map(document -> {
                    Document copy = new Document(document);
                    copy.put("officials", new TreeSet<>(document.getList("officials", String.class)).stream()
                                                                                                   .toList());
                    return copy;
                }).toList());
        return sorted;
    }

    Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = views();
        assertThat(all).isNotEmpty();
        return all;
    }

    /** Every view collection's documents, by collection (none after a reset, which drops them). */
    Map<String, List<Document>> views() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : ledger.store.database().listCollectionNames()) {
            if (name.startsWith("view_")) {
                List<Document> documents = new ArrayList<>();
                ledger.store.database().getCollection(name).find().into(documents);
                documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
                all.put(name, documents);
            }
        }
        return all;
    }

    @Test
    void responsibleViews_nameTheOfficial() {
        List<ResponsibleView> views = ledger.responsible.responsible(villages.get(3), LocalDate.of(2018, 9, 30))
                .orElseThrow();
        assertThat(views).allSatisfy(view -> assertThat(view.name()).isEqualTo("干部" + view.officialId()));
    }
}
