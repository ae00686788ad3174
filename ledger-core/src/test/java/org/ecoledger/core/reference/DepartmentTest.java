package org.ecoledger.core.reference;

import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY_FROM;
import static org.ecoledger.core.reference.ReferenceFixtures.VILLAGE;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DepartmentTest {

    private static final DepartmentCode BUREAU = DepartmentCode.of("130300-eco-env-bureau");
    private static final LocalDate FROM = LocalDate.of(2018, 11, 1);

    private final FixtureConfiguration<Department> fixture = AggregateFixtures.fixture(Department.class);

    private static DepartmentRegisteredEvent bureau() {
        return new DepartmentRegisteredEvent(BUREAU, "秦皇岛市生态环境局", CITY, FROM, null, RECORDER,
                Instant.parse("2018-11-01T00:00:00Z"));
    }

    @Nested
    class RegisterDepartment {

        @Test
        void registerDepartment_ofAnExistingCity_isRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand(BUREAU, "秦皇岛市生态环境局", CITY, FROM, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DepartmentRegisteredEvent(BUREAU, "秦皇岛市生态环境局", CITY, FROM, null, RECORDER,
                            NOW));
        }

        @Test
        void registerDepartment_ofAJurisdictionNotYetCreated_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand(BUREAU, "新区环保局", NEW_COUNTY, NEW_COUNTY_FROM.minusDays(1),
                            null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"));
        }

        @Test
        void registerDepartment_ofAVillage_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand(BUREAU, "村环保办", VILLAGE, FROM, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DEPARTMENT_AT_VILLAGE, "jurisdictionCode"));
        }

        @Test
        void registerDepartment_inTheFuture_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand(BUREAU, "局", CITY, TODAY.plusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "validFrom"));
        }
    }

    @Nested
    class RenameDepartment {

        @Test
        void renameDepartment_isRecorded() {
            LocalDate on = LocalDate.of(2019, 1, 1);
            fixture.given(bureau())
                    .when(new RenameDepartmentCommand(BUREAU, on, "秦皇岛市生态环境局（更名）", null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DepartmentRenamedEvent(BUREAU, "秦皇岛市生态环境局（更名）", on, null, RECORDER, NOW));
        }

        @Test
        void renameDepartment_beforeItsCreation_isRefused() {
            fixture.given(bureau())
                    .when(new RenameDepartmentCommand(BUREAU, FROM.minusDays(1), "旧名", null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_CHANGE_OUT_OF_ORDER, "on"));
        }
    }

    @Nested
    class AbolishDepartment {

        @Test
        void abolishDepartment_isRecorded() {
            LocalDate on = LocalDate.of(2019, 3, 1);
            fixture.given(bureau())
                    .when(new AbolishDepartmentCommand(BUREAU, on, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DepartmentAbolishedEvent(BUREAU, on, null, RECORDER, NOW));
        }

        @Test
        void abolishDepartment_twice_isRefused() {
            fixture.given(bureau(), new DepartmentAbolishedEvent(BUREAU, LocalDate.of(2019, 3, 1), null, RECORDER,
                            NOW))
                    .when(new AbolishDepartmentCommand(BUREAU, LocalDate.of(2019, 4, 1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE, "on"));
        }
    }
}
