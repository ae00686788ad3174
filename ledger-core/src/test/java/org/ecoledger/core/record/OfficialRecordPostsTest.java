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
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY_FROM;
import static org.ecoledger.core.reference.ReferenceFixtures.OLD_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.OLD_COUNTY_ABOLISHED_ON;
import static org.ecoledger.core.reference.ReferenceFixtures.TOWNSHIP;
import static org.ecoledger.core.reference.ReferenceFixtures.VILLAGE;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
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

class OfficialRecordPostsTest {

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    private static AppointOfficialCommand appoint(PostId post, JurisdictionCode place, Role role,
                                                  ResponsibilityKind kind, LocalDate on) {
        return new AppointOfficialCommand(OFFICIAL, post, place, null, role, kind, on, "秦干字〔2016〕1号", RECORDER);
    }

    private static AppointOfficialCommand appoint(PostId post, DepartmentCode department, Role role,
                                                  ResponsibilityKind kind, LocalDate on) {
        return new AppointOfficialCommand(OFFICIAL, post, null, department, role, kind, on, null, RECORDER);
    }

    @Nested
    class RegisterOfficial {

        @Test
        void registerOfficial_withoutDate_isRecordedOnTheDayOfRecording() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOfficialCommand(OFFICIAL, "张三", null, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OfficialRegisteredEvent(OFFICIAL, "张三", TODAY, null, RECORDER, NOW));
        }

        @Test
        void registerOfficial_withoutRecordedBy_isMalformed() {
            assertThatThrownBy(() -> new RegisterOfficialCommand(OFFICIAL, "张三", null, null, null))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("recordedBy"));
        }

        @Test
        void registerOfficial_withABlankName_isMalformed() {
            assertThatThrownBy(() -> new RegisterOfficialCommand(OFFICIAL, "  ", null, null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("name"));
        }
    }

    @Nested
    class AppointOfficial {

        @Test
        void appointOfficial_asCityPartySecretary_isRecorded() {
            fixture.given(history())
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, APPOINTED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OfficialAppointedEvent(OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY,
                            ResponsibilityKind.OVERALL, APPOINTED_ON, "秦干字〔2016〕1号", RECORDER, NOW));
        }

        @Test
        void appointOfficial_asDepartmentHead_isRecorded() {
            fixture.given(history())
                    .when(appoint(POST, CITY_ECO_BUREAU, Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN, APPOINTED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OfficialAppointedEvent(OFFICIAL, POST, null, CITY_ECO_BUREAU,
                            Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN, APPOINTED_ON, null, RECORDER, NOW));
        }

        @Test
        void appointOfficial_toThePostAgainAfterLeavingIt_isRecorded() {
            LocalDate again = LocalDate.of(2018, 1, 1);
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2017, 1, 1), LeavingReason.TRANSFER)))
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, again))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("to a post the official already holds")
        void appointOfficial_toAPostAlreadyHeld_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                            APPOINTED_ON.plusYears(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_POST_ALREADY_HELD, "postId"));
        }

        @Test
        void appointOfficial_toAPostHeldOnThatDateInAnEarlierTenure_isRefused() {
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2017, 1, 1), LeavingReason.TRANSFER)))
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                            LocalDate.of(2016, 12, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_POST_ALREADY_HELD, "postId"));
        }

        @Test
        void appointOfficial_toAJurisdictionNotYetCreated_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, NEW_COUNTY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                            NEW_COUNTY_FROM.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"));
        }

        @Test
        void appointOfficial_toAJurisdictionAlreadyAbolished_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, OLD_COUNTY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                            OLD_COUNTY_ABOLISHED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"));
        }

        @Test
        void appointOfficial_toAnUnknownDepartment_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, DepartmentCode.of("no-such-bureau"), Role.DEPARTMENT_HEAD,
                            ResponsibilityKind.MAIN, APPOINTED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DEPARTMENT_NOT_IN_EXISTENCE, "departmentCode"));
        }

        @Test
        void appointOfficial_withBothJurisdictionAndDepartment_isMalformed() {
            assertThatThrownBy(() -> new AppointOfficialCommand(OFFICIAL, POST, CITY, CITY_ECO_BUREAU,
                    Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN, APPOINTED_ON, null, RECORDER))
                    .isInstanceOf(InvalidEntryException.class);
        }

        @Test
        void appointOfficial_withNeitherJurisdictionNorDepartment_isMalformed() {
            assertThatThrownBy(() -> new AppointOfficialCommand(OFFICIAL, POST, null, null,
                    Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, APPOINTED_ON, null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("jurisdictionCode"));
        }

        @Test
        @DisplayName("村党支部书记 only at a village")
        void appointOfficial_villageRoleAtACounty_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, COUNTY, Role.VILLAGE_SECRETARY, ResponsibilityKind.OVERALL, APPOINTED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_VILLAGE_ROLE_MISMATCH, "role"));
        }

        @Test
        void appointOfficial_partySecretaryAtAVillage_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, VILLAGE, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, APPOINTED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_VILLAGE_ROLE_MISMATCH, "role"));
        }

        @Test
        void appointOfficial_villageDirectorAtAVillage_isRecorded() {
            fixture.given(history())
                    .when(appoint(POST, VILLAGE, Role.VILLAGE_DIRECTOR, ResponsibilityKind.OVERALL, APPOINTED_ON))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void appointOfficial_departmentRoleAtAJurisdiction_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, COUNTY, Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN, APPOINTED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_ROLE_NEEDS_DEPARTMENT, "departmentCode"));
        }

        @Test
        void appointOfficial_partyRoleAtADepartment_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, CITY_ECO_BUREAU, Role.DEPUTY_IN_CHARGE, ResponsibilityKind.IN_CHARGE,
                            APPOINTED_ON))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.APPOINTMENT_ROLE_NEEDS_JURISDICTION, "jurisdictionCode"));
        }

        static Stream<Arguments> everyRoleAndKind() {
            List<Arguments> all = new ArrayList<>();
            for (Role role : Role.values()) {
                for (ResponsibilityKind kind : ResponsibilityKind.values()) {
                    all.add(Arguments.of(role, kind));
                }
            }
            return all.stream();
        }

        @ParameterizedTest(name = "{0} with {1}")
        @MethodSource("everyRoleAndKind")
        @DisplayName("003 Art. 4: 全面领导责任 for principals, 主要 for department heads, 直接 for their deputies, 分管 for others")
        void appointOfficial_withAResponsibilityKind_isAcceptedOnlyWhenItFitsTheRole(Role role,
                                                                                    ResponsibilityKind kind) {
            boolean fits = switch (role) {
                case PARTY_SECRETARY, GOVERNMENT_HEAD, VILLAGE_SECRETARY, VILLAGE_DIRECTOR ->
                        kind == ResponsibilityKind.OVERALL;
                case DEPARTMENT_HEAD -> kind == ResponsibilityKind.MAIN;
                case DEPARTMENT_DEPUTY -> kind == ResponsibilityKind.DIRECT;
                case DEPUTY_IN_CHARGE, OTHER_MEMBER -> kind == ResponsibilityKind.IN_CHARGE;
            };
            AppointOfficialCommand command = switch (role) {
                case DEPARTMENT_HEAD, DEPARTMENT_DEPUTY -> appoint(POST, CITY_ECO_BUREAU, role, kind, APPOINTED_ON);
                case VILLAGE_SECRETARY, VILLAGE_DIRECTOR -> appoint(POST, VILLAGE, role, kind, APPOINTED_ON);
                default -> appoint(POST, TOWNSHIP, role, kind, APPOINTED_ON);
            };
            ResultValidator<OfficialRecord> outcome = fixture.given(history()).when(command);
            if (fits) {
                outcome.expectSuccessfulHandlerExecution();
            } else {
                outcome.expectNoEvents()
                        .expectException(violates(LedgerRule.APPOINTMENT_KIND_DOES_NOT_FIT_ROLE,
                                "responsibilityKind"));
            }
        }

        @Test
        void appointOfficial_inTheFuture_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, TODAY.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn"));
        }

        @Test
        void appointOfficial_before19491001_isRefused() {
            fixture.given(history())
                    .when(appoint(POST, CITY, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                            LocalDate.of(1949, 9, 30)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "occurredOn"));
        }
    }

    @Nested
    class LeavePost {

        private LeavePostCommand leave(PostId post, LocalDate on) {
            return new LeavePostCommand(OFFICIAL, post, LeavingReason.PROMOTION, on, null, RECORDER);
        }

        @Test
        void leavePost_heldSinceEarlier_isRecorded() {
            LocalDate on = LocalDate.of(2018, 3, 1);
            fixture.given(history(citySecretary()))
                    .when(leave(POST, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PostLeftEvent(OFFICIAL, POST, LeavingReason.PROMOTION, on, null, RECORDER, NOW));
        }

        @Test
        void leavePost_onTheDayOfAppointment_isRecorded() {
            fixture.given(history(citySecretary()))
                    .when(leave(POST, APPOINTED_ON))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void leavePost_neverHeld_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(leave(RecordFixtures.OTHER_POST, LocalDate.of(2018, 3, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LEAVE_POST_NOT_HELD, "postId"));
        }

        @Test
        void leavePost_alreadyLeft_isRefused() {
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2017, 1, 1), LeavingReason.TRANSFER)))
                    .when(leave(POST, LocalDate.of(2018, 3, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LEAVE_POST_NOT_HELD, "postId"));
        }

        @Test
        void leavePost_datedBeforeTheAppointment_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(leave(POST, APPOINTED_ON.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LEAVE_BEFORE_APPOINTMENT, "occurredOn"));
        }
    }
}
