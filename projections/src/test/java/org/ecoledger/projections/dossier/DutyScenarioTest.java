package org.ecoledger.projections.dossier;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.compliance.CompliancePeriod;
import org.ecoledger.projections.compliance.ComplianceView;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Duties required vs done (003 Arts 10–12; 004), as the dossier and the compliance view show them. */
class DutyScenarioTest {

    TestLedger ledger;

    @BeforeEach
    void places() {
        ledger = new TestLedger();
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.place("T", "肖营子镇", JurisdictionLevel.TOWNSHIP, "K", of(2000, 1, 1));
        ledger.department("C-EPB", "市生态环境局", "C", of(2000, 1, 1));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static List<DutyPeriodView> duties(DossierView dossier, String postId) {
        return dossier.posts().stream().filter(p -> p.postId().equals(postId)).findFirst().orElseThrow()
                .tenures().get(0).duties();
    }

    static DutyPeriodView period(List<DutyPeriodView> duties, String ruleCode, String label) {
        return duties.stream().filter(d -> d.ruleCode().equals(ruleCode) && d.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no period " + ruleCode + " " + label + " in " + duties));
    }

    @Test
    @DisplayName("县区政府常务会每月至少研究1次: two of the three monthly meetings of 2018-Q2 → the missed month, Art. 10")
    void countyGovernmentHead_twoOfThreeMonthlyMeetings_dossierShowsTheMissedMonthAgainstArt10() {
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 1, 1));
        long april = ledger.meeting("k-head", "K-GOV-HEAD", MeetingBody.GOVERNMENT_EXECUTIVE, of(2018, 4, 12));
        long june = ledger.meeting("k-head", "K-GOV-HEAD", MeetingBody.GOVERNMENT_EXECUTIVE, of(2018, 6, 20));

        DossierView dossier = ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow();
        List<DutyPeriodView> duties = duties(dossier, "K-GOV-HEAD");

        DutyPeriodView may = period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-05");
        assertThat(may.status()).isEqualTo(DutyStatus.MISSED);
        assertThat(may.article()).isEqualTo("003 Art. 10");
        assertThat(may.ruleSet()).isEqualTo("QHD-2018@1");
        assertThat(may.requiredCount()).isEqualTo(1);
        assertThat(may.done()).isZero();
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-04").sequences()).containsExactly(april);
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-06").sequences()).containsExactly(june);
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-04").status()).isEqualTo(DutyStatus.MET);
        assertThat(dossier.ruleSets()).contains("QHD-2018@1");

        ComplianceView q2 = ledger.compliance.compliance("K", CompliancePeriod.parse("2018-Q2")).orElseThrow();
        ComplianceView.DutyCompliance meetings = q2.posts().get(0).duties().stream()
                .filter(d -> d.ruleCode().equals("ART10_COUNTY_GOVERNMENT_EXECUTIVE")).findFirst().orElseThrow();
        assertThat(meetings.judged()).isEqualTo(3);
        assertThat(meetings.missed()).isEqualTo(1);
        assertThat(meetings.required()).isEqualTo(3);
        assertThat(meetings.done()).isEqualTo(2);
    }

    @Test
    @DisplayName("县区委常委会每季度至少研究1次: a county party secretary's two meetings in a quarter meet Art. 10")
    void countyPartySecretary_twoMeetingsInAQuarter_meetsArt10_whichAsksQuarterly_butMissesMonthlyInspections() {
        ledger.official("k-sec", "王书记");
        ledger.appoint("k-sec", "K-SEC", "K", Role.PARTY_SECRETARY, of(2018, 1, 1));
        ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, of(2018, 4, 12));
        ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, of(2018, 6, 20));
        ledger.inspection("k-sec", "K-SEC", of(2018, 4, 3));

        List<DutyPeriodView> duties = duties(ledger.dossiers.dossier("k-sec", AsOf.now()).orElseThrow(), "K-SEC");

        assertThat(period(duties, "ART10_COUNTY_STANDING_COMMITTEE", "2018-Q2").status()).isEqualTo(DutyStatus.MET);
        assertThat(period(duties, "ART10_COUNTY_STANDING_COMMITTEE", "2018-Q1").status())
                .isEqualTo(DutyStatus.MISSED);
        assertThat(period(duties, "ART11_COUNTY_TOWNSHIP_PRINCIPALS", "2018-04").status()).isEqualTo(DutyStatus.MET);
        assertThat(period(duties, "ART11_COUNTY_TOWNSHIP_PRINCIPALS", "2018-05").status())
                .isEqualTo(DutyStatus.MISSED);
        assertThat(period(duties, "ART17_PARTY_GOVERNMENT_REPORT", "2018").status())
                .isEqualTo(DutyStatus.NOT_RECORDABLE);
    }

    @Test
    @DisplayName("市委、市政府主要负责人每季度至少带队检查1次: a mayor who led one in every quarter of 2017 is compliant")
    void cityMayor_ledAnInspectionEveryQuarterOf2017_isCompliantUnderArt11() {
        ledger.official("c-mayor", "赵市长");
        ledger.appoint("c-mayor", "C-GOV-HEAD", "C", Role.GOVERNMENT_HEAD, of(2016, 3, 1));
        List<Long> sequences = List.of(
                ledger.inspection("c-mayor", "C-GOV-HEAD", of(2017, 2, 14)),
                ledger.inspection("c-mayor", "C-GOV-HEAD", of(2017, 5, 9)),
                ledger.inspection("c-mayor", "C-GOV-HEAD", of(2017, 9, 30)),
                ledger.inspection("c-mayor", "C-GOV-HEAD", of(2017, 12, 1)));

        ComplianceView year = ledger.compliance.compliance("C", CompliancePeriod.parse("2017")).orElseThrow();
        assertThat(year.posts()).hasSize(1);
        ComplianceView.DutyCompliance art11 = year.posts().get(0).duties().stream()
                .filter(d -> d.article().equals("003 Art. 11")).findFirst().orElseThrow();
        assertThat(art11.judged()).isEqualTo(4);
        assertThat(art11.met()).isEqualTo(4);
        assertThat(art11.missed()).isZero();
        assertThat(art11.periods()).flatExtracting(DutyPeriodView::sequences).containsExactlyElementsOf(sequences);
        assertThat(art11.periods()).extracting(DutyPeriodView::label)
                .containsExactly("2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4");
    }

    @Test
    void aMeetingCountsForTheTenureItWasHeldIn_notForALaterTenureOfTheSamePostInTheSameMonth() {
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 1, 1));
        long held = ledger.meeting("k-head", "K-GOV-HEAD", MeetingBody.GOVERNMENT_EXECUTIVE, of(2018, 5, 3));
        ledger.leave("k-head", "K-GOV-HEAD", of(2018, 5, 5), LeavingReason.TRANSFER);
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 5, 20));

        List<DossierView.TenureView> tenures = ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow().posts().stream()
                .filter(p -> p.postId().equals("K-GOV-HEAD")).findFirst().orElseThrow().tenures();
        assertThat(tenures).hasSize(2);
        DossierView.TenureView first = tenures.get(0).from().equals(of(2018, 1, 1)) ? tenures.get(0) : tenures.get(1);
        DossierView.TenureView second = first == tenures.get(0) ? tenures.get(1) : tenures.get(0);
        assertThat(period(first.duties(), "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-05").sequences())
                .containsExactly(held);
        assertThat(period(second.duties(), "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-05").sequences()).isEmpty();
        assertThat(second.duties()).allSatisfy(duty -> assertThat(duty.sequences()).doesNotContain(held));
    }

    @Test
    void aTenureStartingInsideAPeriod_doesNotOweThatPeriod_underWholePeriod() {
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 5, 15));

        List<DutyPeriodView> duties = duties(ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow(),
                "K-GOV-HEAD");
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-05").status())
                .isEqualTo(DutyStatus.NOT_OWED);
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-06").status())
                .isEqualTo(DutyStatus.MISSED);
    }

    @Test
    @DisplayName("局党组班子成员下基层天数不少于1/3，按季度考核 (004)")
    void grassrootsDays_areJudgedAsAShareOfWorkingDays_perQuarter() {
        ledger.official("epb", "孙局长");
        ledger.appointAtDepartment("epb", "C-EPB-HEAD", "C-EPB", Role.DEPARTMENT_HEAD, of(2017, 1, 1));
        long q1 = ledger.grassroots("epb", "C-EPB-HEAD", of(2018, 1, 1), of(2018, 3, 31), 20, 60, of(2018, 4, 2));
        ledger.grassroots("epb", "C-EPB-HEAD", of(2018, 4, 1), of(2018, 6, 30), 19, 60, of(2018, 7, 2));

        List<DutyPeriodView> duties = duties(ledger.dossiers.dossier("epb", AsOf.now()).orElseThrow(),
                "C-EPB-HEAD");
        DutyPeriodView first = period(duties, "GRASSROOTS_DEPARTMENT_LEADERSHIP", "2018-Q1");
        assertThat(first.status()).isEqualTo(DutyStatus.MET);
        assertThat(first.sequences()).containsExactly(q1);
        assertThat(first.days()).isEqualTo(20);
        assertThat(first.workingDays()).isEqualTo(60);
        assertThat(period(duties, "GRASSROOTS_DEPARTMENT_LEADERSHIP", "2018-Q2").status())
                .isEqualTo(DutyStatus.MISSED);
        assertThat(period(duties, "GRASSROOTS_DEPARTMENT_LEADERSHIP", "2018-Q3").status())
                .isEqualTo(DutyStatus.MISSED);
        assertThat(period(duties, "ART10_DEPARTMENT_MEETING", "2018-01").status()).isEqualTo(DutyStatus.MISSED);
    }

    @Test
    void asOfADayStillAhead_theDossierIsAboutToday_andJudgesNoPeriodThatHasNotEnded() {
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 1, 1));

        DossierView ahead = ledger.dossiers.dossier("k-head", TestLedger.endOf(of(2024, 12, 31))).orElseThrow();
        assertThat(ahead.asOf()).isEqualTo(of(2024, 12, 31));
        assertThat(ahead.viewDate()).isEqualTo(TestLedger.TODAY);
        List<DutyPeriodView> duties = duties(ahead, "K-GOV-HEAD");
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2024-05").status())
                .isEqualTo(DutyStatus.MISSED);
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2024-06").status())
                .isEqualTo(DutyStatus.IN_PROGRESS);
        assertThat(duties).extracting(DutyPeriodView::label).doesNotContain("2024-07", "2024-Q3");
        assertThat(ledger.dossiers.dossier("k-head", TestLedger.endOf(TestLedger.TODAY)).orElseThrow().posts()
                .get(0).tenures().get(0).duties()).filteredOn(d -> d.label().equals("2024-06"))
                .extracting(DutyPeriodView::status).containsOnly(DutyStatus.IN_PROGRESS);
    }

    @Test
    void theCurrentPeriod_isInProgress_notMissed() {
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-GOV-HEAD", "K", Role.GOVERNMENT_HEAD, of(2018, 1, 1));

        List<DutyPeriodView> duties = duties(ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow(),
                "K-GOV-HEAD");
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2024-06").status())
                .isEqualTo(DutyStatus.IN_PROGRESS);
        assertThat(period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2024-05").status())
                .isEqualTo(DutyStatus.MISSED);
    }
}
