package org.ecoledger.core.record;

import static org.ecoledger.core.record.RecordFixtures.OFFICIAL;
import static org.ecoledger.core.record.RecordFixtures.POST;
import static org.ecoledger.core.record.RecordFixtures.appointed;
import static org.ecoledger.core.record.RecordFixtures.history;
import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry's occurredOn: not in the future in the ledger's zone, not before 1949-10-01. */
class OfficialRecordDatesTest {

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    /** A record where every command below would otherwise be accepted on any date from 1949-10-01. */
    private static Object[] longCareer() {
        return history(appointed(POST, CITY, Role.PARTY_SECRETARY, LocalDate.of(1949, 10, 1)),
                new AccountabilityReferredEvent(OFFICIAL, AccountabilityCaseId.of("c"), "r", "纪委",
                        LocalDate.of(1949, 10, 1), null, RECORDER, RecordFixtures.EARLIER));
    }

    static Stream<Arguments> everyEntryCommand() {
        List<Function<LocalDate, RecordCommand>> commands = List.of(
                on -> new AppointOfficialCommand(OFFICIAL, PostId.of("p2"), CITY, null, Role.OTHER_MEMBER,
                        ResponsibilityKind.IN_CHARGE, on, null, RECORDER),
                on -> new LeavePostCommand(OFFICIAL, POST, LeavingReason.OTHER, on, null, RECORDER),
                on -> new SignResponsibilityLetterCommand(OFFICIAL, on.getYear(), LetterId.of("l"), List.of("任务"), on,
                        null, RECORDER),
                on -> new RecordMeetingCommand(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE, List.of("t"), on, null,
                        RECORDER),
                on -> new RecordLedInspectionCommand(OFFICIAL, POST, "某地", "无", on, null, RECORDER),
                on -> new ReportGrassrootsDaysCommand(OFFICIAL, POST, LocalDate.of(1950, 1, 1),
                        LocalDate.of(1950, 1, 31), 10, 20, on, null, RECORDER),
                on -> new IssueSummonsCommand(OFFICIAL, "组织部", "r", null, on, null, RECORDER),
                on -> new ListSupervisionCommand(OFFICIAL, ProblemId.of("p"), CITY, "d", on, null, RECORDER),
                on -> new RecordAnnualAssessmentCommand(OFFICIAL, 1950, AssessmentGrade.QUALIFIED, List.of(), on, null,
                        RECORDER),
                on -> new ImposeOneVetoCommand(OFFICIAL, 1950, "u", OneVetoCapacity.PRINCIPAL, "r", on, null,
                        RECORDER),
                on -> new ReferAccountabilityCommand(OFFICIAL, AccountabilityCaseId.of("c"), "r", "纪委", on, null,
                        RECORDER),
                on -> new DecideAccountabilityCommand(OFFICIAL, AccountabilityCaseId.of("c"),
                        AccountabilityOutcome.NOT_ACCOUNTABLE, on, null, RECORDER),
                on -> new OpenLifetimeAccountabilityCommand(OFFICIAL, AccountabilityCaseId.of("l"), POST,
                        LocalDate.of(1950, 1, 1), "d", on, null, RECORDER),
                on -> new CompleteDepartureAuditCommand(OFFICIAL, POST, "c", List.of(), on, null, RECORDER),
                on -> new CorrectEntryCommand(OFFICIAL, 1L, null, "r", "a",
                        JsonNodeFactory.instance.objectNode().put("postId", "x"), on, null, RECORDER));
        return commands.stream().map(command -> Arguments.of(command.apply(TODAY).getClass().getSimpleName(), command));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEntryCommand")
    @DisplayName("台账只记录已经发生的事实: a date after today is refused")
    void entry_datedTomorrow_isRefused(String name, Function<LocalDate, RecordCommand> command) {
        fixture.given(longCareer())
                .when(command.apply(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEntryCommand")
    void entry_datedBefore19491001_isRefused(String name, Function<LocalDate, RecordCommand> command) {
        fixture.given(longCareer())
                .when(command.apply(LocalDate.of(1949, 9, 30)))
                .expectNoEvents()
                .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "occurredOn"));
    }

    @Test
    @DisplayName("today is read in the ledger's zone: 17:00 UTC on 30 June is already 1 July in Shanghai")
    void entry_datedTodayInShanghai_isAcceptedThoughItIsTomorrowInUtc() {
        Instant instant = Instant.parse("2019-06-30T17:00:00Z");
        LocalDate shanghaiToday = LocalDate.of(2019, 7, 1);
        RecordLedInspectionCommand inspection = new RecordLedInspectionCommand(OFFICIAL, POST, "某地", "无",
                shanghaiToday, null, RECORDER);

        AggregateFixtures.fixture(OfficialRecord.class,
                        new LedgerCalendar(Clock.fixed(instant, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")))
                .given(longCareer())
                .when(inspection)
                .expectSuccessfulHandlerExecution();
        AggregateFixtures.fixture(OfficialRecord.class,
                        new LedgerCalendar(Clock.fixed(instant, ZoneOffset.UTC), ZoneOffset.UTC))
                .given(longCareer())
                .when(inspection)
                .expectNoEvents()
                .expectException(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn"));
    }
}
