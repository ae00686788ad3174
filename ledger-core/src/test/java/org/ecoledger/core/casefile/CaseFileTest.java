package org.ecoledger.core.casefile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY_FROM;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final CaseId CASE = CaseId.of("central-2017-0881");
    private static final LocalDate ASSIGNED_ON = LocalDate.of(2017, 8, 10);

    private final FixtureConfiguration<CaseFile> fixture = AggregateFixtures.fixture(CaseFile.class);

    private static CaseAssignedEvent assigned() {
        return new CaseAssignedEvent(CASE, CITY, CaseSource.CENTRAL, CaseKind.PETITION, "某企业夜间偷排", ASSIGNED_ON,
                "鲁环督办〔2017〕1号", RECORDER, Instant.parse("2017-08-10T02:00:00Z"));
    }

    private static CaseStatusChangedEvent changed(CaseStatus from, CaseStatus to, LocalDate on) {
        return new CaseStatusChangedEvent(CASE, from, to, null, on, null, RECORDER,
                Instant.parse("2018-01-01T00:00:00Z"));
    }

    private static TransitionCaseCommand transition(CaseStatus status, LocalDate on) {
        return new TransitionCaseCommand(CASE, status, on, "现场核查", null, RECORDER);
    }

    @Nested
    class AssignCase {

        @Test
        void assignCase_toAnExistingJurisdiction_isRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCaseCommand(CASE, CITY, CaseSource.CENTRAL, CaseKind.PETITION, "某企业夜间偷排",
                            ASSIGNED_ON, "鲁环督办〔2017〕1号", RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseAssignedEvent(CASE, CITY, CaseSource.CENTRAL, CaseKind.PETITION,
                            "某企业夜间偷排", ASSIGNED_ON, "鲁环督办〔2017〕1号", RECORDER, NOW));
        }

        @Test
        void assignCase_toAJurisdictionNotYetCreated_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCaseCommand(CASE, NEW_COUNTY, CaseSource.PROVINCIAL, CaseKind.FEEDBACK_ISSUE,
                            "问题", NEW_COUNTY_FROM.minusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"));
        }

        @Test
        void assignCase_inTheFuture_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCaseCommand(CASE, CITY, CaseSource.CITY, CaseKind.PETITION, "问题",
                            TODAY.plusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "assignedOn"));
        }

        @Test
        void assignCase_withoutDescription_isMalformed() {
            assertThatThrownBy(() -> new AssignCaseCommand(CASE, CITY, CaseSource.CITY, CaseKind.PETITION, " ",
                    ASSIGNED_ON, null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("description"));
        }
    }

    @Nested
    class TransitionCase {

        @Test
        @DisplayName("整改销号: ASSIGNED → RECTIFYING is the next step")
        void transitionCase_toTheNextStep_isRecorded() {
            LocalDate on = LocalDate.of(2017, 9, 1);
            fixture.given(assigned())
                    .when(transition(CaseStatus.RECTIFYING, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseStatusChangedEvent(CASE, CaseStatus.ASSIGNED, CaseStatus.RECTIFYING,
                            "现场核查", on, null, RECORDER, NOW));
        }

        @Test
        void transitionCase_throughEveryStepToClosed_isRecorded() {
            LocalDate closedOn = LocalDate.of(2018, 10, 30);
            fixture.given(assigned(),
                            changed(CaseStatus.ASSIGNED, CaseStatus.RECTIFYING, LocalDate.of(2017, 9, 1)),
                            changed(CaseStatus.RECTIFYING, CaseStatus.RECTIFIED, LocalDate.of(2018, 3, 1)))
                    .when(transition(CaseStatus.CLOSED, closedOn))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseStatusChangedEvent(CASE, CaseStatus.RECTIFIED, CaseStatus.CLOSED,
                            "现场核查", closedOn, null, RECORDER, NOW));
        }

        @Test
        void transitionCase_skippingAStep_isRefused() {
            fixture.given(assigned())
                    .when(transition(CaseStatus.RECTIFIED, LocalDate.of(2017, 9, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CASE_TRANSITION_NOT_NEXT_STEP, "status"));
        }

        @Test
        void transitionCase_backwards_isRefused() {
            fixture.given(assigned(),
                            changed(CaseStatus.ASSIGNED, CaseStatus.RECTIFYING, LocalDate.of(2017, 9, 1)))
                    .when(transition(CaseStatus.ASSIGNED, LocalDate.of(2017, 9, 2)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CASE_TRANSITION_NOT_NEXT_STEP, "status"));
        }

        @Test
        void transitionCase_afterClosed_isRefused() {
            fixture.given(assigned(),
                            changed(CaseStatus.ASSIGNED, CaseStatus.RECTIFYING, LocalDate.of(2017, 9, 1)),
                            changed(CaseStatus.RECTIFYING, CaseStatus.RECTIFIED, LocalDate.of(2018, 3, 1)),
                            changed(CaseStatus.RECTIFIED, CaseStatus.CLOSED, LocalDate.of(2018, 4, 1)))
                    .when(transition(CaseStatus.CLOSED, LocalDate.of(2018, 5, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CASE_TRANSITION_NOT_NEXT_STEP, "status"));
        }

        @Test
        void transitionCase_datedBeforeThePreviousStep_isRefused() {
            fixture.given(assigned())
                    .when(transition(CaseStatus.RECTIFYING, ASSIGNED_ON.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CASE_TRANSITION_DATE_BEFORE_PREVIOUS, "on"));
        }

        @Test
        void transitionCase_onTheSameDayAsThePreviousStep_isRecorded() {
            fixture.given(assigned())
                    .when(transition(CaseStatus.RECTIFYING, ASSIGNED_ON))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void transitionCase_inTheFuture_isRefused() {
            fixture.given(assigned())
                    .when(transition(CaseStatus.RECTIFYING, TODAY.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "on"));
        }
    }
}
