package org.ecoledger.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.rules.TestCalendars.CALENDAR;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.testing.LedgerWiring;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The directory the application uses, on a real event store: reference data is recorded through the
 * {@link Jurisdiction} and {@link Department} aggregates — which ask this same directory — and every answer comes
 * from their records "as the place stood on date D", before and after each change.
 */
class EventSourcedReferenceDirectoryTest {

    private static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    private static final JurisdictionCode COUNTY = JurisdictionCode.of("130302000000");
    private static final JurisdictionCode NEW_COUNTY = JurisdictionCode.of("130306000000");
    private static final JurisdictionCode OLD_COUNTY = JurisdictionCode.of("130381000000");
    private static final JurisdictionCode TOWN = JurisdictionCode.of("130302200000");
    private static final JurisdictionCode OTHER_TOWN = JurisdictionCode.of("130306100000");
    private static final DepartmentCode BUREAU = DepartmentCode.of("130302-eco-bureau");

    private static final LocalDate NEW_COUNTY_FROM = LocalDate.of(2016, 1, 1);
    private static final LocalDate TOWN_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate RENAMED_ON = LocalDate.of(2005, 1, 1);
    private static final LocalDate MOVED_ON = LocalDate.of(2017, 1, 1);
    private static final LocalDate MERGED_ON = LocalDate.of(2018, 6, 1);
    private static final LocalDate ABOLISHED_ON = LocalDate.of(2016, 1, 1);
    private static final LocalDate BUREAU_FROM = LocalDate.of(2001, 1, 1);
    private static final LocalDate BUREAU_RENAMED_ON = LocalDate.of(2018, 11, 1);
    private static final LocalDate BUREAU_ABOLISHED_ON = LocalDate.of(2019, 3, 1);

    /** Records, through the aggregates, a small history of every kind of change. */
    private static void recordHistory(LedgerWiring ledger) {
        ledger.send(new RegisterJurisdictionCommand(CITY, "秦皇岛市", JurisdictionLevel.CITY, null, null, null,
                RECORDER));
        ledger.send(new RegisterJurisdictionCommand(COUNTY, "海港区", JurisdictionLevel.COUNTY, CITY, null, null,
                RECORDER));
        ledger.send(new RegisterJurisdictionCommand(NEW_COUNTY, "新区", JurisdictionLevel.COUNTY, CITY,
                NEW_COUNTY_FROM, null, RECORDER));
        ledger.send(new RegisterJurisdictionCommand(OLD_COUNTY, "旧县", JurisdictionLevel.COUNTY, CITY, null, null,
                RECORDER));
        ledger.send(new RegisterJurisdictionCommand(TOWN, "石门寨乡", JurisdictionLevel.TOWNSHIP, COUNTY, TOWN_FROM,
                null, RECORDER));
        ledger.send(new RegisterJurisdictionCommand(OTHER_TOWN, "新区镇", JurisdictionLevel.TOWNSHIP, NEW_COUNTY,
                NEW_COUNTY_FROM, null, RECORDER));
        ledger.send(new RenameJurisdictionCommand(TOWN, RENAMED_ON, "石门寨镇", null, RECORDER));
        ledger.send(new MoveJurisdictionCommand(TOWN, MOVED_ON, NEW_COUNTY, null, RECORDER));
        ledger.send(new MergeJurisdictionCommand(TOWN, MERGED_ON, OTHER_TOWN, null, RECORDER));
        ledger.send(new AbolishJurisdictionCommand(OLD_COUNTY, ABOLISHED_ON, null, RECORDER));
        ledger.send(new RegisterDepartmentCommand(BUREAU, "海港区环境保护局", COUNTY, BUREAU_FROM, null, RECORDER));
        ledger.send(new RenameDepartmentCommand(BUREAU, BUREAU_RENAMED_ON, "海港区生态环境局", null, RECORDER));
        ledger.send(new AbolishDepartmentCommand(BUREAU, BUREAU_ABOLISHED_ON, null, RECORDER));
    }

    private static PlaceOnDate town(String name, JurisdictionCode parent) {
        return new PlaceOnDate(TOWN, name, JurisdictionLevel.TOWNSHIP, parent);
    }

    @Nested
    class OnAxonsInMemoryStore {

        private EmbeddedEventStore eventStore;
        private EventSourcedReferenceDirectory directory;
        private LedgerWiring ledger;

        @BeforeEach
        void start() {
            eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            directory = new EventSourcedReferenceDirectory(eventStore);
            ledger = LedgerWiring.on(eventStore, CALENDAR, directory);
            recordHistory(ledger);
        }

        @AfterEach
        void stop() {
            eventStore.shutDown();
        }

        @Test
        @DisplayName("批量: in a batch's unit of work a place's record is read once, outside it on every question")
        void inABatch_aPlaceIsFoldedOnce_andOutsideItEveryTime() {
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            InMemoryEventStorageEngine counting = new InMemoryEventStorageEngine() {
                @Override
                public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String id, long first) {
                    reads.incrementAndGet();
                    return super.readEvents(id, first);
                }
            };
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(counting).build();
            try {
                recordHistory(LedgerWiring.on(store, CALENDAR, new EventSourcedReferenceDirectory(store)));
                EventSourcedReferenceDirectory fresh = new EventSourcedReferenceDirectory(store);
                reads.set(0);
                fresh.jurisdictionOn(TOWN, TOWN_FROM);
                fresh.jurisdictionOn(TOWN, RENAMED_ON);
                assertThat(reads).hasValue(2);

                reads.set(0);
                var batch = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                        new org.axonframework.messaging.GenericMessage<>("batch"));
                batch.resources().put(EventSourcedReferenceDirectory.BATCH_CACHE, new java.util.HashMap<String, Object>());
                try {
                    assertThat(fresh.jurisdictionOn(TOWN, TOWN_FROM)).contains(town("石门寨乡", COUNTY));
                    assertThat(fresh.jurisdictionOn(TOWN, RENAMED_ON)).contains(town("石门寨镇", COUNTY));
                    assertThat(reads).hasValue(1);
                } finally {
                    batch.rollback();
                }
            } finally {
                store.shutDown();
            }
        }

        @Test
        @DisplayName("设立: nothing before validFrom, the place from it")
        void jurisdictionOn_aroundItsRegistration_isEmptyThenThePlace() {
            assertThat(directory.jurisdictionOn(TOWN, TOWN_FROM.minusDays(1))).isEmpty();
            assertThat(directory.jurisdictionOn(TOWN, TOWN_FROM)).contains(town("石门寨乡", COUNTY));
        }

        @Test
        @DisplayName("更名: the old name before the change, the new one from it")
        void jurisdictionOn_aroundARename_answersTheNameOfThatDate() {
            assertThat(directory.jurisdictionOn(TOWN, RENAMED_ON.minusDays(1))).contains(town("石门寨乡", COUNTY));
            assertThat(directory.jurisdictionOn(TOWN, RENAMED_ON)).contains(town("石门寨镇", COUNTY));
        }

        @Test
        @DisplayName("隶属关系调整: the old parent before the move, the new one from it")
        void jurisdictionOn_aroundAMove_answersTheParentOfThatDate() {
            assertThat(directory.jurisdictionOn(TOWN, MOVED_ON.minusDays(1))).contains(town("石门寨镇", COUNTY));
            assertThat(directory.jurisdictionOn(TOWN, MOVED_ON)).contains(town("石门寨镇", NEW_COUNTY));
        }

        @Test
        @DisplayName("合并: the place until the day before the merge; the place it merged into goes on")
        void jurisdictionOn_aroundAMerge_endsOnTheMergeDate() {
            assertThat(directory.jurisdictionOn(TOWN, MERGED_ON.minusDays(1))).contains(town("石门寨镇", NEW_COUNTY));
            assertThat(directory.jurisdictionOn(TOWN, MERGED_ON)).isEmpty();
            assertThat(directory.jurisdictionOn(OTHER_TOWN, MERGED_ON)).contains(
                    new PlaceOnDate(OTHER_TOWN, "新区镇", JurisdictionLevel.TOWNSHIP, NEW_COUNTY));
        }

        @Test
        @DisplayName("撤销: the place until the day before, nothing from the abolition")
        void jurisdictionOn_aroundAnAbolition_endsOnTheAbolitionDate() {
            assertThat(directory.jurisdictionOn(OLD_COUNTY, ABOLISHED_ON.minusDays(1))).contains(
                    new PlaceOnDate(OLD_COUNTY, "旧县", JurisdictionLevel.COUNTY, CITY));
            assertThat(directory.jurisdictionOn(OLD_COUNTY, ABOLISHED_ON)).isEmpty();
            assertThat(directory.jurisdictionOn(OLD_COUNTY, TODAY)).isEmpty();
        }

        @Test
        void departmentOn_aroundItsRegistrationRenameAndAbolition_answersAsItStoodThen() {
            assertThat(directory.departmentOn(BUREAU, BUREAU_FROM.minusDays(1))).isEmpty();
            assertThat(directory.departmentOn(BUREAU, BUREAU_FROM))
                    .contains(new DepartmentOnDate(BUREAU, "海港区环境保护局", COUNTY));
            assertThat(directory.departmentOn(BUREAU, BUREAU_RENAMED_ON.minusDays(1)))
                    .contains(new DepartmentOnDate(BUREAU, "海港区环境保护局", COUNTY));
            assertThat(directory.departmentOn(BUREAU, BUREAU_RENAMED_ON))
                    .contains(new DepartmentOnDate(BUREAU, "海港区生态环境局", COUNTY));
            assertThat(directory.departmentOn(BUREAU, BUREAU_ABOLISHED_ON.minusDays(1))).isPresent();
            assertThat(directory.departmentOn(BUREAU, BUREAU_ABOLISHED_ON)).isEmpty();
        }

        @Test
        void unknownCodes_areEmpty() {
            assertThat(directory.jurisdictionOn(JurisdictionCode.of("999999999999"), TODAY)).isEmpty();
            assertThat(directory.departmentOn(DepartmentCode.of("no-such-bureau"), TODAY)).isEmpty();
        }

        @Test
        @DisplayName("a department and a jurisdiction with the same code are different records")
        void aJurisdictionCode_doesNotAnswerForTheDepartmentOfTheSameValue() {
            assertThat(directory.jurisdictionOn(JurisdictionCode.of(BUREAU.value()), BUREAU_FROM)).isEmpty();
            assertThat(directory.departmentOn(DepartmentCode.of(COUNTY.value()), BUREAU_FROM)).isEmpty();
        }

        @Test
        @DisplayName("always as fresh as the store: a change is answered as soon as it is recorded")
        void answers_followEveryRecordedChangeAtOnce() {
            LedgerWiring sameStore = LedgerWiring.on(eventStore, CALENDAR, directory);
            LocalDate on = LocalDate.of(2019, 1, 1);
            assertThat(directory.jurisdictionOn(CITY, on)).map(PlaceOnDate::name).contains("秦皇岛市");

            sameStore.send(new RenameJurisdictionCommand(CITY, on, "秦皇岛", null, RECORDER));

            assertThat(directory.jurisdictionOn(CITY, on)).map(PlaceOnDate::name).contains("秦皇岛");
            assertThat(directory.jurisdictionOn(CITY, on.minusDays(1))).map(PlaceOnDate::name).contains("秦皇岛市");
        }

        @Test
        @DisplayName("the aggregates' own rules are checked against it: a parent that did not exist is refused")
        void registering_underAParentNotYetCreated_isRefusedThroughTheDirectory() {
            assertThatThrownBy(() -> ledger.send(new RegisterJurisdictionCommand(JurisdictionCode.of("130306200000"),
                    "新镇", JurisdictionLevel.TOWNSHIP, NEW_COUNTY, NEW_COUNTY_FROM.minusDays(1), null, RECORDER)))
                    .isInstanceOfSatisfying(RuleViolationException.class, violation -> {
                        assertThat(violation.rule()).isEqualTo(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE);
                        assertThat(violation.field()).isEqualTo("parentCode");
                    });
            assertThatThrownBy(() -> ledger.send(new MergeJurisdictionCommand(OTHER_TOWN, LocalDate.of(2019, 1, 1),
                    TOWN, null, RECORDER)))
                    .isInstanceOfSatisfying(RuleViolationException.class, violation ->
                            assertThat(violation.rule()).isEqualTo(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE));
        }
    }

    @Nested
    @DisplayName("on the ledger's store, shared by two application nodes")
    class OnTheLedgerStoreSharedByTwoNodes {

        private TestStore mongo;
        private EmbeddedEventStore nodeA;
        private EmbeddedEventStore nodeB;

        private EventStorageEngine engine() {
            return LedgerEventStorageEngine.builder()
                    .database(mongo.database())
                    .hashAlgorithm(HashAlgorithm.SHA_256)
                    .eventSerializer(TestStore.serializer())
                    .build();
        }

        @BeforeEach
        void start() {
            mongo = TestStore.inMemory();
            LedgerSchema.ensure(mongo.database(), HashAlgorithm.SHA_256, Clock.fixed(CALENDAR.now(), CALENDAR.zone()));
            nodeA = EmbeddedEventStore.builder().storageEngine(engine()).build();
            nodeB = EmbeddedEventStore.builder().storageEngine(engine()).build();
        }

        @AfterEach
        void stop() {
            nodeA.shutDown();
            nodeB.shutDown();
            mongo.close();
        }

        @Test
        void changesRecordedOnOneNode_areAnsweredOnTheOther() {
            EventSourcedReferenceDirectory directoryA = new EventSourcedReferenceDirectory(nodeA);
            EventSourcedReferenceDirectory directoryB = new EventSourcedReferenceDirectory(nodeB);
            recordHistory(LedgerWiring.on(nodeA, CALENDAR, directoryA));

            assertThat(directoryB.jurisdictionOn(TOWN, RENAMED_ON.minusDays(1))).contains(town("石门寨乡", COUNTY));
            assertThat(directoryB.jurisdictionOn(TOWN, MOVED_ON)).contains(town("石门寨镇", NEW_COUNTY));
            assertThat(directoryB.jurisdictionOn(TOWN, MERGED_ON)).isEmpty();
            assertThat(directoryB.departmentOn(BUREAU, BUREAU_RENAMED_ON))
                    .contains(new DepartmentOnDate(BUREAU, "海港区生态环境局", COUNTY));

            LocalDate on = LocalDate.of(2019, 1, 1);
            LedgerWiring.on(nodeB, CALENDAR, directoryB)
                    .send(new RenameJurisdictionCommand(COUNTY, on, "海港区（更名）", null, RECORDER));
            assertThat(directoryA.jurisdictionOn(COUNTY, on)).map(PlaceOnDate::name).contains("海港区（更名）");
            assertThat(directoryA.jurisdictionOn(COUNTY, on.minusDays(1))).map(PlaceOnDate::name).contains("海港区");
        }
    }
}
