package org.ecoledger.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.record.RecordFixtures.APPOINTED_ON;
import static org.ecoledger.core.record.RecordFixtures.OFFICIAL;
import static org.ecoledger.core.record.RecordFixtures.POST;
import static org.ecoledger.core.record.RecordFixtures.appointed;
import static org.ecoledger.core.record.RecordFixtures.citySecretary;
import static org.ecoledger.core.record.RecordFixtures.history;
import static org.ecoledger.core.record.RecordFixtures.left;
import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.reference.ReferenceFixtures.CITY_ECO_BUREAU;
import static org.ecoledger.core.reference.ReferenceFixtures.COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.COUNTY_HOUSING_BUREAU;
import static org.ecoledger.core.reference.ReferenceFixtures.OLD_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.OLD_COUNTY_ABOLISHED_ON;
import static org.ecoledger.core.reference.ReferenceFixtures.TOWNSHIP;
import static org.ecoledger.core.reference.ReferenceFixtures.VILLAGE;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfficialRecordDutiesTest {

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    @Nested
    class SignResponsibilityLetter {

        private SignResponsibilityLetterCommand sign(int year, LocalDate on) {
            return new SignResponsibilityLetterCommand(OFFICIAL, year, LetterId.of("dl-2019-07"),
                    List.of("燃煤锅炉拆除", "黑臭水体整治"), on, null, RECORDER);
        }

        @Test
        void signResponsibilityLetter_forTheCurrentYear_isRecorded() {
            LocalDate on = LocalDate.of(2019, 5, 24);
            fixture.given(history(citySecretary()))
                    .when(sign(2019, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResponsibilityLetterSignedEvent(OFFICIAL, 2019, LetterId.of("dl-2019-07"),
                            List.of("燃煤锅炉拆除", "黑臭水体整治"), on, null, RECORDER, NOW));
        }

        @Test
        void signResponsibilityLetter_forTheNextYear_isRecorded() {
            fixture.given(history(citySecretary()))
                    .when(sign(2020, LocalDate.of(2019, 6, 1)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void signResponsibilityLetter_forAPastYear_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(sign(2018, LocalDate.of(2019, 6, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.YEAR_OUT_OF_RANGE, "year"));
        }

        @Test
        void signResponsibilityLetter_twoYearsAhead_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(sign(2021, LocalDate.of(2019, 6, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.YEAR_OUT_OF_RANGE, "year"));
        }

        @Test
        void signResponsibilityLetter_withoutKeyTasks_isMalformed() {
            assertThatThrownBy(() -> new SignResponsibilityLetterCommand(OFFICIAL, 2019, LetterId.of("l"), List.of(),
                    LocalDate.of(2019, 1, 1), null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("keyTasks"));
        }
    }

    @Nested
    class RecordMeeting {

        private RecordMeetingCommand meeting(MeetingBody body, LocalDate on) {
            return new RecordMeetingCommand(OFFICIAL, POST, body, List.of("大气污染防治"), on, "秦常〔2018〕5号", RECORDER);
        }

        @Test
        void recordMeeting_standingCommitteeOfTheCitySecretary_isRecorded() {
            LocalDate on = LocalDate.of(2018, 4, 12);
            fixture.given(history(citySecretary()))
                    .when(meeting(MeetingBody.STANDING_COMMITTEE, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MeetingHeldEvent(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE,
                            List.of("大气污染防治"), on, "秦常〔2018〕5号", RECORDER, NOW));
        }

        @Test
        @DisplayName("a meeting recorded for a post the official did not hold on that date")
        void meetingHeld_forPostNotHeldOnThatDate_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(meeting(MeetingBody.STANDING_COMMITTEE, APPOINTED_ON.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.POST_NOT_HELD_ON_DATE, "postId"));
        }

        @Test
        void meetingHeld_afterLeavingThePost_isRefused() {
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2018, 1, 31), LeavingReason.PROMOTION)))
                    .when(meeting(MeetingBody.STANDING_COMMITTEE, LocalDate.of(2018, 2, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.POST_NOT_HELD_ON_DATE, "postId"));
        }

        @Test
        void meetingHeld_forAPostNeverHeld_isRefused() {
            fixture.given(history())
                    .when(meeting(MeetingBody.STANDING_COMMITTEE, LocalDate.of(2018, 2, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.POST_NOT_HELD_ON_DATE, "postId"));
        }

        @Test
        void meetingHeld_atAPlaceAbolishedWhileInPost_isRefused() {
            fixture.given(history(appointed(POST, OLD_COUNTY, Role.PARTY_SECRETARY, LocalDate.of(2010, 1, 1))))
                    .when(meeting(MeetingBody.STANDING_COMMITTEE, OLD_COUNTY_ABOLISHED_ON.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "postId"));
        }

        @Test
        void meetingHeld_withoutTopics_isMalformed() {
            assertThatThrownBy(() -> new RecordMeetingCommand(OFFICIAL, POST, MeetingBody.DEPARTMENT, List.of(),
                    LocalDate.of(2018, 1, 1), null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("topics"));
        }

        static Stream<Arguments> fittingBodies() {
            return Stream.of(
                    Arguments.of(Role.PARTY_SECRETARY, CITY, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.PARTY_SECRETARY, COUNTY, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.DEPUTY_IN_CHARGE, COUNTY, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.GOVERNMENT_HEAD, CITY, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.GOVERNMENT_HEAD, COUNTY, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.OTHER_MEMBER, COUNTY, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.PARTY_SECRETARY, TOWNSHIP, MeetingBody.JOINT_MEETING),
                    Arguments.of(Role.GOVERNMENT_HEAD, TOWNSHIP, MeetingBody.JOINT_MEETING),
                    Arguments.of(Role.GOVERNMENT_HEAD, CITY, MeetingBody.DISPATCH),
                    Arguments.of(Role.DEPUTY_IN_CHARGE, CITY, MeetingBody.DISPATCH),
                    Arguments.of(Role.DEPARTMENT_HEAD, CITY_ECO_BUREAU, MeetingBody.DEPARTMENT),
                    Arguments.of(Role.DEPARTMENT_DEPUTY, COUNTY_HOUSING_BUREAU, MeetingBody.DEPARTMENT));
        }

        static Stream<Arguments> unfittingBodies() {
            return Stream.of(
                    Arguments.of(Role.VILLAGE_SECRETARY, VILLAGE, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.VILLAGE_DIRECTOR, VILLAGE, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.VILLAGE_SECRETARY, VILLAGE, MeetingBody.JOINT_MEETING),
                    Arguments.of(Role.PARTY_SECRETARY, TOWNSHIP, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.GOVERNMENT_HEAD, TOWNSHIP, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.GOVERNMENT_HEAD, CITY, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.PARTY_SECRETARY, CITY, MeetingBody.GOVERNMENT_EXECUTIVE),
                    Arguments.of(Role.PARTY_SECRETARY, COUNTY, MeetingBody.JOINT_MEETING),
                    Arguments.of(Role.PARTY_SECRETARY, CITY, MeetingBody.DEPARTMENT),
                    Arguments.of(Role.PARTY_SECRETARY, CITY, MeetingBody.DISPATCH),
                    Arguments.of(Role.GOVERNMENT_HEAD, COUNTY, MeetingBody.DISPATCH),
                    Arguments.of(Role.DEPARTMENT_HEAD, CITY_ECO_BUREAU, MeetingBody.STANDING_COMMITTEE),
                    Arguments.of(Role.DEPARTMENT_HEAD, CITY_ECO_BUREAU, MeetingBody.DISPATCH));
        }

        private OfficialAppointedEvent appointment(Role role, Object place) {
            return place instanceof DepartmentCode department
                    ? appointed(POST, department, role, APPOINTED_ON)
                    : appointed(POST, (JurisdictionCode) place, role, APPOINTED_ON);
        }

        @ParameterizedTest(name = "{2} for a {0} at {1}")
        @MethodSource("fittingBodies")
        @DisplayName("003 Art. 10, 12: a body that fits the post is recorded")
        void meetingHeld_ofABodyThatFitsThePost_isRecorded(Role role, Object place, MeetingBody body) {
            fixture.given(history(appointment(role, place)))
                    .when(meeting(body, LocalDate.of(2018, 4, 12)))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{2} for a {0} at {1}")
        @MethodSource("unfittingBodies")
        @DisplayName("003 Art. 10, 12: a body that does not fit the post is refused")
        void meetingHeld_ofABodyThatDoesNotFitThePost_isRefused(Role role, Object place, MeetingBody body) {
            fixture.given(history(appointment(role, place)))
                    .when(meeting(body, LocalDate.of(2018, 4, 12)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.MEETING_BODY_DOES_NOT_FIT_POST, "body"));
        }
    }

    @Nested
    class RecordLedInspection {

        private RecordLedInspectionCommand inspection(LocalDate on) {
            return new RecordLedInspectionCommand(OFFICIAL, POST, "北戴河新区入海口", "2处排污口未封堵", on, null, RECORDER);
        }

        @Test
        void recordLedInspection_whileInPost_isRecorded() {
            LocalDate on = LocalDate.of(2018, 7, 3);
            fixture.given(history(citySecretary()))
                    .when(inspection(on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InspectionLedEvent(OFFICIAL, POST, "北戴河新区入海口", "2处排污口未封堵", on, null,
                            RECORDER, NOW));
        }

        @Test
        void inspectionLed_forPostNotHeldOnThatDate_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(inspection(APPOINTED_ON.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.POST_NOT_HELD_ON_DATE, "postId"));
        }

        @Test
        void inspectionLed_withoutLocation_isMalformed() {
            assertThatThrownBy(() -> new RecordLedInspectionCommand(OFFICIAL, POST, "", "无", LocalDate.of(2018, 1, 1),
                    null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("location"));
        }
    }

    @Nested
    class ReportGrassrootsDays {

        private static final LocalDate Q1_START = LocalDate.of(2019, 1, 1);
        private static final LocalDate Q1_END = LocalDate.of(2019, 3, 31);

        private ReportGrassrootsDaysCommand report(LocalDate start, LocalDate end, int days, int workingDays) {
            return new ReportGrassrootsDaysCommand(OFFICIAL, POST, start, end, days, workingDays,
                    LocalDate.of(2019, 4, 5), null, RECORDER);
        }

        @Test
        void reportGrassrootsDays_forAQuarterInPost_isRecorded() {
            fixture.given(history(citySecretary()))
                    .when(report(Q1_START, Q1_END, 23, 57))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new GrassrootsDaysReportedEvent(OFFICIAL, POST, Q1_START, Q1_END, 23, 57,
                            LocalDate.of(2019, 4, 5), null, RECORDER, NOW));
        }

        @Test
        @DisplayName("004: more days at the grassroots than working days")
        void grassrootsDays_moreThanWorkingDays_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(report(Q1_START, Q1_END, 58, 57))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.GRASSROOTS_DAYS_EXCEED_WORKING_DAYS, "days"));
        }

        @Test
        void grassrootsDays_moreWorkingDaysThanThePeriodHas_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(report(Q1_START, Q1_END, 10, 91))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.GRASSROOTS_WORKING_DAYS_EXCEED_PERIOD, "workingDays"));
        }

        @Test
        void grassrootsDays_periodEndingBeforeItStarts_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(report(Q1_END, Q1_START, 10, 20))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.PERIOD_END_BEFORE_START, "periodEnd"));
        }

        @Test
        void grassrootsDays_negative_isMalformed() {
            assertThatThrownBy(() -> report(Q1_START, Q1_END, -1, 57))
                    .isInstanceOfSatisfying(InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("days"));
        }

        @Test
        void grassrootsDays_negativeWorkingDays_isMalformed() {
            assertThatThrownBy(() -> report(Q1_START, Q1_END, 0, -3))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("workingDays"));
        }

        @Test
        void grassrootsDays_forAPeriodPartlyBeforeTheAppointment_isRefused() {
            fixture.given(history(appointed(POST, CITY, Role.PARTY_SECRETARY, LocalDate.of(2019, 2, 1))))
                    .when(report(Q1_START, Q1_END, 20, 57))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.POST_NOT_HELD_ON_DATE, "postId"));
        }

        @Test
        void grassrootsDays_forAPeriodEndingInTheFuture_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(report(LocalDate.of(2019, 4, 1), TODAY.plusDays(1), 20, 57))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "periodEnd"));
        }
    }
}
