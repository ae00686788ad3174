package org.ecoledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.CALENDAR;
import static org.hamcrest.Matchers.allOf;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseAssignedEvent;
import org.ecoledger.core.casefile.CaseFile;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.CaseStatusChangedEvent;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.SummonsIssuedEvent;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.DepartmentRegisteredEvent;
import org.ecoledger.core.reference.DepartmentRenamedEvent;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.JurisdictionRenamedEvent;
import org.ecoledger.core.reference.ReferenceFixtures;
import org.ecoledger.core.reference.RegisterDepartmentCommand;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.reference.RenameDepartmentCommand;
import org.ecoledger.core.reference.RenameJurisdictionCommand;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.testing.AggregateFixtures;
import org.ecoledger.core.testing.LedgerWiring;
import org.hamcrest.CustomTypeSafeMatcher;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event store keys a record by its aggregate identifier alone, so an official, a case, a jurisdiction and a
 * department with the same value must have different aggregate identifiers: each identifier's {@code toString()}
 * (what Axon stores and routes by) is typed, {@code official/X}, {@code case/X}, {@code jurisdiction/X},
 * {@code department/X}, while its value and its JSON stay the plain {@code X}.
 */
class AggregateIdentifiersTest {

    private static final String SAME = "X-0001";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One identifier type: how to make one, how to read one back from its aggregate identifier, its prefix. */
    record IdType(String prefix, Function<String, Object> of, Function<String, Object> fromAggregateIdentifier) {

        @Override
        public String toString() {
            return prefix;
        }
    }

    static Stream<IdType> everyIdentifierType() {
        return Stream.of(
                new IdType("official/", OfficialId::of, OfficialId::fromAggregateIdentifier),
                new IdType("case/", CaseId::of, CaseId::fromAggregateIdentifier),
                new IdType("jurisdiction/", JurisdictionCode::of, JurisdictionCode::fromAggregateIdentifier),
                new IdType("department/", DepartmentCode::of, DepartmentCode::fromAggregateIdentifier));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIdentifierType")
    void toString_isTheTypedAggregateIdentifier(IdType type) {
        assertThat(type.of().apply(SAME)).hasToString(type.prefix() + SAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIdentifierType")
    void valueAndJson_stayThePlainValue(IdType type) throws Exception {
        Object id = type.of().apply(SAME);
        assertThat(id.getClass().getMethod("value").invoke(id)).isEqualTo(SAME);
        assertThat(MAPPER.writeValueAsString(id)).isEqualTo("\"" + SAME + "\"");
        assertThat(MAPPER.readValue("\"" + SAME + "\"", id.getClass())).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIdentifierType")
    void fromAggregateIdentifier_readsBackTheIdentifier(IdType type) {
        Object id = type.of().apply(SAME);
        assertThat(type.fromAggregateIdentifier().apply(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIdentifierType")
    void fromAggregateIdentifier_ofAnotherTypeOrOfTheBareValue_isRefused(IdType type) {
        everyIdentifierType().filter(other -> !other.equals(type)).forEach(other ->
                assertThatThrownBy(() -> type.fromAggregateIdentifier().apply(other.prefix() + SAME))
                        .as(other.prefix()).isInstanceOf(IllegalArgumentException.class));
        assertThatThrownBy(() -> type.fromAggregateIdentifier().apply(SAME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.fromAggregateIdentifier().apply(type.prefix() + "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalDetails_showThePlainValueToTheRecorder() {
        AggregateFixtures.fixture(CaseFile.class)
                .givenNoPriorActivity()
                .when(new AssignCaseCommand(CaseId.of(SAME), ReferenceFixtures.NEW_COUNTY, CaseSource.CITY,
                        CaseKind.PETITION, "问题", ReferenceFixtures.NEW_COUNTY_FROM.minusDays(1), null, RECORDER))
                .expectException(allOf(
                        violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"),
                        new CustomTypeSafeMatcher<RuleViolationException>("a detail naming the plain code") {
                            @Override
                            protected boolean matchesSafely(RuleViolationException violation) {
                                return violation.detail().equals(ReferenceFixtures.NEW_COUNTY.value() + " on "
                                        + ReferenceFixtures.NEW_COUNTY_FROM.minusDays(1));
                            }
                        }));
    }

    // ---------------------------------------------------------------- four records with one value, on one store

    /** The stores a ledger runs on: Axon's in-memory engine, and the ledger's own on the MongoDB driver. */
    enum Storage {
        IN_MEMORY, LEDGER_STORE
    }

    private TestStore mongo;
    private EmbeddedEventStore eventStore;

    @AfterEach
    void stop() {
        if (eventStore != null) {
            eventStore.shutDown();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private EventStore start(Storage storage) {
        EventStorageEngine engine;
        if (storage == Storage.IN_MEMORY) {
            engine = new InMemoryEventStorageEngine();
        } else {
            mongo = TestStore.inMemory();
            LedgerSchema.ensure(mongo.database(), HashAlgorithm.SHA_256, Clock.fixed(CALENDAR.now(),
                    CALENDAR.zone()));
            engine = LedgerEventStorageEngine.builder()
                    .database(mongo.database())
                    .hashAlgorithm(HashAlgorithm.SHA_256)
                    .eventSerializer(TestStore.serializer())
                    .build();
        }
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        return eventStore;
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    @DisplayName("an official, a case, a jurisdiction and a department all named X-0001 are four records")
    void recordsOfEveryType_withTheSameValue_coexist(Storage storage) {
        EventStore store = start(storage);
        LedgerWiring ledger = LedgerWiring.on(store, CALENDAR, ReferenceFixtures.directory());
        OfficialId official = OfficialId.of(SAME);
        CaseId caseId = CaseId.of(SAME);
        JurisdictionCode jurisdiction = JurisdictionCode.of(SAME);
        DepartmentCode department = DepartmentCode.of(SAME);

        ledger.send(new RegisterOfficialCommand(official, "张三", LocalDate.of(2019, 1, 2), null, RECORDER));
        ledger.send(new AssignCaseCommand(caseId, ReferenceFixtures.CITY, CaseSource.CENTRAL, CaseKind.PETITION,
                "偷排", LocalDate.of(2017, 8, 10), null, RECORDER));
        ledger.send(new RegisterJurisdictionCommand(jurisdiction, "某市", JurisdictionLevel.CITY, null, null, null,
                RECORDER));
        ledger.send(new RegisterDepartmentCommand(department, "环保局", ReferenceFixtures.CITY,
                LocalDate.of(2000, 1, 1), null, RECORDER));
        // each record loads as itself and continues at sequence 1
        ledger.send(new IssueSummonsCommand(official, "市委组织部", "履职不力", null, LocalDate.of(2019, 3, 1), null,
                RECORDER));
        ledger.send(new TransitionCaseCommand(caseId, CaseStatus.RECTIFYING, LocalDate.of(2017, 9, 1), "整改", null,
                RECORDER));
        ledger.send(new RenameJurisdictionCommand(jurisdiction, LocalDate.of(2010, 1, 1), "某市（更名）", null,
                RECORDER));
        ledger.send(new RenameDepartmentCommand(department, LocalDate.of(2010, 1, 1), "生态环境局", null, RECORDER));

        assertRecord(store, "official/" + SAME, "OfficialRecord", OfficialRegisteredEvent.class,
                SummonsIssuedEvent.class);
        assertRecord(store, "case/" + SAME, "CaseFile", CaseAssignedEvent.class, CaseStatusChangedEvent.class);
        assertRecord(store, "jurisdiction/" + SAME, "Jurisdiction", JurisdictionRegisteredEvent.class,
                JurisdictionRenamedEvent.class);
        assertRecord(store, "department/" + SAME, "Department", DepartmentRegisteredEvent.class,
                DepartmentRenamedEvent.class);
        assertThat(store.readEvents(SAME).asStream()).as("nothing is keyed by the bare value").isEmpty();
    }

    private static void assertRecord(EventStore store, String aggregateId, String aggregateType,
                                     Class<?>... payloadTypes) {
        List<? extends DomainEventMessage<?>> events = store.readEvents(aggregateId).asStream().toList();
        assertThat(events).as(aggregateId).<Object>extracting(DomainEventMessage::getPayloadType)
                .containsExactly((Object[]) payloadTypes);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(events).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly(aggregateId);
        assertThat(events).extracting(DomainEventMessage::getType).containsOnly(aggregateType);
    }
}
