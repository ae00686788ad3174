package org.ecoledger.core.record;

import static org.ecoledger.core.record.RecordFixtures.EARLIER;
import static org.ecoledger.core.record.RecordFixtures.OFFICIAL;
import static org.ecoledger.core.record.RecordFixtures.OTHER_POST;
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
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfficialRecordOversightTest {

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    @Nested
    class IssueSummons {

        private static final LocalDate ON = LocalDate.of(2019, 3, 1);

        @Test
        @DisplayName("约谈 with a rectification deadline that lies ahead of today is recorded")
        void issueSummons_withADeadlineInTheFuture_isRecorded() {
            LocalDate deadline = TODAY.plusMonths(3);
            fixture.given(history(citySecretary()))
                    .when(new IssueSummonsCommand(OFFICIAL, "市委组织部", "年度考核不合格", deadline, ON, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SummonsIssuedEvent(OFFICIAL, "市委组织部", "年度考核不合格", deadline, ON, null,
                            RECORDER, NOW));
        }

        @Test
        void issueSummons_withoutDeadline_isRecorded() {
            fixture.given(history())
                    .when(new IssueSummonsCommand(OFFICIAL, "市生态环境保护工作领导小组", "履职不力", null, ON, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SummonsIssuedEvent(OFFICIAL, "市生态环境保护工作领导小组", "履职不力", null, ON, null,
                            RECORDER, NOW));
        }

        @Test
        void issueSummons_withADeadlineBeforeTheSummons_isRefused() {
            fixture.given(history())
                    .when(new IssueSummonsCommand(OFFICIAL, "市委组织部", "不合格", ON.minusDays(1), ON, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.SUMMONS_DEADLINE_BEFORE_SUMMONS, "rectificationDeadline"));
        }

        @Test
        void issueSummons_inTheFuture_isRefused() {
            fixture.given(history())
                    .when(new IssueSummonsCommand(OFFICIAL, "市委组织部", "不合格", null, TODAY.plusDays(1), null,
                            RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn"));
        }
    }

    @Nested
    class ListSupervision {

        @Test
        void listSupervision_inAnExistingJurisdiction_isRecorded() {
            LocalDate on = LocalDate.of(2018, 9, 1);
            fixture.given(history())
                    .when(new ListSupervisionCommand(OFFICIAL, ProblemId.of("qhd-2018-gp-03"), COUNTY, "河道垃圾堆放",
                            on, "秦环督〔2018〕3号", RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SupervisionListedEvent(OFFICIAL, ProblemId.of("qhd-2018-gp-03"), COUNTY,
                            "河道垃圾堆放", on, "秦环督〔2018〕3号", RECORDER, NOW));
        }

        @Test
        void listSupervision_inAJurisdictionNotYetCreated_isRefused() {
            fixture.given(history())
                    .when(new ListSupervisionCommand(OFFICIAL, ProblemId.of("p"), NEW_COUNTY, "问题",
                            NEW_COUNTY_FROM.minusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "jurisdictionCode"));
        }
    }

    @Nested
    class RecordAnnualAssessment {

        private static final LocalDate ON = LocalDate.of(2019, 2, 15);

        private RecordAnnualAssessmentCommand assess(int year, AssessmentGrade grade, List<Integer> conditions) {
            return new RecordAnnualAssessmentCommand(OFFICIAL, year, grade, conditions, ON, "秦考〔2019〕1号", RECORDER);
        }

        private AnnualAssessmentRecordedEvent assessed(int year, AssessmentGrade grade) {
            return new AnnualAssessmentRecordedEvent(OFFICIAL, year, grade, List.of(), ON, null, RECORDER, EARLIER);
        }

        @Test
        void recordAnnualAssessment_qualifiedWithConditions_isRecorded() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.QUALIFIED, List.of(4, 8)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AnnualAssessmentRecordedEvent(OFFICIAL, 2018, AssessmentGrade.QUALIFIED,
                            List.of(4, 8), ON, "秦考〔2019〕1号", RECORDER, NOW));
        }

        @Test
        void recordAnnualAssessment_withoutConditions_recordsNone() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.EXCELLENT, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AnnualAssessmentRecordedEvent(OFFICIAL, 2018, AssessmentGrade.EXCELLENT,
                            List.of(), ON, "秦考〔2019〕1号", RECORDER, NOW));
        }

        @Test
        @DisplayName("a second assessment of the same year (a correction is the way to change one)")
        void annualAssessment_secondForTheSameYear_isRefused() {
            fixture.given(history(citySecretary(), assessed(2018, AssessmentGrade.QUALIFIED)))
                    .when(assess(2018, AssessmentGrade.UNQUALIFIED, List.of()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_YEAR_ALREADY_RECORDED, "year"));
        }

        @Test
        void annualAssessment_ofAnotherYear_isRecorded() {
            fixture.given(history(citySecretary(), assessed(2017, AssessmentGrade.QUALIFIED)))
                    .when(assess(2018, AssessmentGrade.UNQUALIFIED, List.of(1)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void annualAssessment_withConditionThirteen_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.UNQUALIFIED, List.of(2, 13)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_CONDITION_UNKNOWN, "conditions[1]"));
        }

        @Test
        void annualAssessment_withConditionZero_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.UNQUALIFIED, List.of(0)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_CONDITION_UNKNOWN, "conditions[0]"));
        }

        @Test
        void annualAssessment_withADuplicatedCondition_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.UNQUALIFIED, List.of(3, 5, 3)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_CONDITION_DUPLICATED, "conditions[2]"));
        }

        @Test
        @DisplayName("003 Art. 18: 有下列情形之一的 — any condition means not excellent")
        void annualAssessment_excellentWithACondition_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(2018, AssessmentGrade.EXCELLENT, List.of(12)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_EXCELLENT_WITH_CONDITIONS, "grade"));
        }

        @Test
        @DisplayName("001: 一票否决 removes the year's 'excellent' eligibility")
        void annualAssessment_excellentInAVetoedYear_isRefused() {
            fixture.given(history(citySecretary(), new OneVetoImposedEvent(OFFICIAL, 2018, "秦皇岛市",
                            OneVetoCapacity.PRINCIPAL, "重大环境污染事故", LocalDate.of(2018, 12, 1), null, RECORDER,
                            EARLIER)))
                    .when(assess(2018, AssessmentGrade.EXCELLENT, List.of()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ASSESSMENT_EXCELLENT_AFTER_ONE_VETO, "grade"));
        }

        @Test
        void annualAssessment_ofAYearNotYetBegun_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(2020, AssessmentGrade.QUALIFIED, List.of()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.YEAR_OUT_OF_RANGE, "year"));
        }

        @Test
        void annualAssessment_ofAYearBefore1949_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(assess(1948, AssessmentGrade.QUALIFIED, List.of()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "year"));
        }
    }

    @Nested
    class ImposeOneVeto {

        private static final LocalDate ON = LocalDate.of(2019, 1, 20);

        private ImposeOneVetoCommand veto(int year, OneVetoCapacity capacity) {
            return new ImposeOneVetoCommand(OFFICIAL, year, "秦皇岛市", capacity, "发生重大环境污染事故", ON, null, RECORDER);
        }

        @Test
        void imposeOneVeto_onThePrincipalWithOverallResponsibility_isRecorded() {
            fixture.given(history(citySecretary()))
                    .when(veto(2018, OneVetoCapacity.PRINCIPAL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OneVetoImposedEvent(OFFICIAL, 2018, "秦皇岛市", OneVetoCapacity.PRINCIPAL,
                            "发生重大环境污染事故", ON, null, RECORDER, NOW));
        }

        @Test
        void imposeOneVeto_asPrincipalOnADepartmentHead_isRecorded() {
            fixture.given(history(appointed(POST, CITY_ECO_BUREAU, Role.DEPARTMENT_HEAD, LocalDate.of(2017, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.PRINCIPAL))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void imposeOneVeto_asPrincipal_forAPostLeftDuringThatYear_isRecorded() {
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2018, 3, 1), LeavingReason.PROMOTION)))
                    .when(veto(2018, OneVetoCapacity.PRINCIPAL))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("主要领导 needs a principal post (全面 or 主要领导责任) in that year")
        void oneVeto_asPrincipal_withOnlyAnInChargePost_isRefused() {
            fixture.given(history(appointed(POST, CITY, Role.DEPUTY_IN_CHARGE, LocalDate.of(2017, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.PRINCIPAL))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ONE_VETO_CAPACITY_NOT_HELD, "capacity"));
        }

        @Test
        void oneVeto_asPrincipal_forAYearAfterThePostWasLeft_isRefused() {
            fixture.given(history(citySecretary(), left(POST, LocalDate.of(2017, 12, 31), LeavingReason.TRANSFER),
                            appointed(OTHER_POST, CITY, Role.OTHER_MEMBER, LocalDate.of(2018, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.PRINCIPAL))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ONE_VETO_CAPACITY_NOT_HELD, "capacity"));
        }

        @Test
        void imposeOneVeto_onTheDeputyInCharge_isRecorded() {
            fixture.given(history(appointed(POST, COUNTY, Role.DEPUTY_IN_CHARGE, LocalDate.of(2017, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.DEPUTY_IN_CHARGE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("a department deputy (直接领导责任) is the department's 分管领导")
        void imposeOneVeto_asDeputyInCharge_onADepartmentDeputy_isRecorded() {
            fixture.given(history(appointed(POST, CITY_ECO_BUREAU, Role.DEPARTMENT_DEPUTY,
                            LocalDate.of(2017, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.DEPUTY_IN_CHARGE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void oneVeto_asDeputyInCharge_withOnlyAPrincipalPost_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(veto(2018, OneVetoCapacity.DEPUTY_IN_CHARGE))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ONE_VETO_CAPACITY_NOT_HELD, "capacity"));
        }

        @Test
        void imposeOneVeto_onADirectlyResponsiblePerson_withAnyPost_isRecorded() {
            fixture.given(history(appointed(POST, CITY, Role.OTHER_MEMBER, LocalDate.of(2017, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.DIRECTLY_RESPONSIBLE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void oneVeto_asDirectlyResponsible_withNoPostThatYear_isRefused() {
            fixture.given(history(appointed(POST, CITY, Role.OTHER_MEMBER, LocalDate.of(2019, 1, 1))))
                    .when(veto(2018, OneVetoCapacity.DIRECTLY_RESPONSIBLE))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ONE_VETO_CAPACITY_NOT_HELD, "capacity"));
        }

        @Test
        void oneVeto_forAYearNotYetBegun_isRefused() {
            fixture.given(history(citySecretary()))
                    .when(veto(2020, OneVetoCapacity.PRINCIPAL))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.YEAR_OUT_OF_RANGE, "year"));
        }
    }
}
