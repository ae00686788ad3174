package org.ecoledger.projections.tracing;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An incident in village V on 2017-06-15. The county secretary was promoted to the city in 2018, the township head
 * retired in 2019, the village was moved to another township in 2020; in 2021 a lifetime-accountability case is
 * opened against the retired township head's tenure.
 */
class IncidentTracingScenarioTest {

    TestLedger ledger;

    @BeforeEach
    void history() {
        ledger = new TestLedger();
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.place("T", "肖营子镇", JurisdictionLevel.TOWNSHIP, "K", of(2000, 1, 1));
        ledger.place("T2", "木头凳镇", JurisdictionLevel.TOWNSHIP, "K", of(2000, 1, 1));
        ledger.place("V", "东山村", JurisdictionLevel.VILLAGE, "T", of(2000, 1, 1));
        ledger.place("K2", "卢龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));

        ledger.recordingOn(of(2016, 1, 10));
        post("v-sec", "村书记甲", "V-SEC", "V", Role.VILLAGE_SECRETARY, of(2015, 3, 1));
        post("v-dir", "村主任乙", "V-DIR", "V", Role.VILLAGE_DIRECTOR, of(2015, 3, 1));
        post("t-sec", "镇书记丙", "T-SEC", "T", Role.PARTY_SECRETARY, of(2016, 1, 1));
        post("t-head", "镇长丁", "T-HEAD", "T", Role.GOVERNMENT_HEAD, of(2014, 6, 1));
        post("t-dep", "副镇长戊", "T-DEP", "T", Role.DEPUTY_IN_CHARGE, of(2016, 1, 1));
        post("k-sec", "县委书记己", "K-SEC", "K", Role.PARTY_SECRETARY, of(2015, 1, 1));
        post("k-head", "县长庚", "K-HEAD", "K", Role.GOVERNMENT_HEAD, of(2016, 9, 1));
        post("c-sec", "市委书记辛", "C-SEC", "C", Role.PARTY_SECRETARY, of(2013, 1, 1));
        post("c-mayor", "市长壬", "C-MAYOR", "C", Role.GOVERNMENT_HEAD, of(2015, 1, 1));
        // not responsible for V: another township, another county, a village secretary who left before the day
        post("t2-sec", "他镇书记", "T2-SEC", "T2", Role.PARTY_SECRETARY, of(2016, 1, 1));
        post("k2-sec", "他县书记", "K2-SEC", "K2", Role.PARTY_SECRETARY, of(2016, 1, 1));
        post("v-old", "前任村书记", "V-SEC-OLD", "V", Role.VILLAGE_SECRETARY, of(2010, 1, 1));
        ledger.leave("v-old", "V-SEC-OLD", of(2015, 2, 28), LeavingReason.RETIREMENT);

        ledger.recordingOn(of(2018, 3, 1));
        ledger.leave("k-sec", "K-SEC", of(2018, 2, 28), LeavingReason.PROMOTION);
        ledger.appoint("k-sec", "C-DEP", "C", Role.DEPUTY_IN_CHARGE, of(2018, 3, 1));
        post("k-sec-2", "新县委书记", "K-SEC", "K", Role.PARTY_SECRETARY, of(2018, 3, 1));

        ledger.recordingOn(of(2019, 7, 1));
        ledger.leave("t-head", "T-HEAD", of(2019, 6, 30), LeavingReason.RETIREMENT);
        ledger.recordingOn(of(2020, 1, 2));
        ledger.move("V", "T2", of(2020, 1, 1));
    }

    void post(String id, String name, String postId, String place, Role role, java.time.LocalDate from) {
        ledger.official(id, name);
        ledger.appoint(id, postId, place, role, from);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    @DisplayName("村里2017-06-15的事件：村两委、镇、县、市当日的负责人，无论后来提拔或退休")
    void anIncidentInTheVillage_isTracedToEveryPostThatCoveredItThatDay_asTheTreeStoodThen() {
        List<ResponsibleView> responsible = ledger.responsible.responsible("V", of(2017, 6, 15)).orElseThrow();

        assertThat(responsible)
                .extracting(ResponsibleView::officialId, ResponsibleView::postId, ResponsibleView::role,
                        ResponsibleView::responsibilityKind, ResponsibleView::viaJurisdictionCode)
                .containsExactly(
                        tuple("v-sec", "V-SEC", Role.VILLAGE_SECRETARY, ResponsibilityKind.OVERALL, "V"),
                        tuple("v-dir", "V-DIR", Role.VILLAGE_DIRECTOR, ResponsibilityKind.OVERALL, "V"),
                        tuple("t-sec", "T-SEC", Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, "T"),
                        tuple("t-head", "T-HEAD", Role.GOVERNMENT_HEAD, ResponsibilityKind.OVERALL, "T"),
                        tuple("t-dep", "T-DEP", Role.DEPUTY_IN_CHARGE, ResponsibilityKind.IN_CHARGE, "T"),
                        tuple("k-sec", "K-SEC", Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, "K"),
                        tuple("k-head", "K-HEAD", Role.GOVERNMENT_HEAD, ResponsibilityKind.OVERALL, "K"),
                        tuple("c-sec", "C-SEC", Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL, "C"),
                        tuple("c-mayor", "C-MAYOR", Role.GOVERNMENT_HEAD, ResponsibilityKind.OVERALL, "C"));
        assertThat(responsible).filteredOn(r -> r.officialId().equals("t-head")).singleElement()
                .satisfies(r -> {
                    assertThat(r.name()).isEqualTo("镇长丁");
                    assertThat(r.tenureTo()).isEqualTo(of(2019, 6, 30));
                });
        assertThat(responsible).filteredOn(r -> r.officialId().equals("k-sec")).singleElement()
                .satisfies(r -> assertThat(r.tenureTo()).isEqualTo(of(2018, 2, 28)));
    }

    @Test
    void afterTheVillageMoved_theSameQuestionForALaterDay_followsTheNewTree() {
        List<ResponsibleView> responsible = ledger.responsible.responsible("V", of(2020, 6, 1)).orElseThrow();
        assertThat(responsible).extracting(ResponsibleView::officialId)
                .contains("t2-sec", "k-sec-2", "k-sec")
                .doesNotContain("t-sec", "t-head");
        assertThat(responsible).filteredOn(r -> r.officialId().equals("k-sec")).singleElement()
                .satisfies(r -> assertThat(r.postId()).isEqualTo("C-DEP"));
    }

    @Test
    void aPlaceThatDidNotExistOnTheDay_hasNoAnswer() {
        assertThat(ledger.responsible.responsible("V", of(1999, 1, 1))).isEmpty();
        assertThat(ledger.responsible.responsible("NOWHERE", of(2017, 6, 15))).isEmpty();
    }

    @Test
    @DisplayName("终身追责: a case opened in 2021 against the retired township head's tenure is in his dossier")
    void aLifetimeCaseOpenedIn2021_againstTheRetiredTownshipHeadsTenure_appearsInHisDossier() {
        ledger.recordingOn(of(2021, 4, 8));
        long opened = ledger.lifetime("t-head", "ZS-2021-007", "T-HEAD", of(2017, 6, 15), of(2021, 4, 8));

        DossierView dossier = ledger.dossiers.dossier("t-head", AsOf.now()).orElseThrow();

        assertThat(dossier.lifetimeCases()).singleElement().satisfies(c -> {
            assertThat(c.sequence()).isEqualTo(opened);
            assertThat(c.caseId()).isEqualTo("ZS-2021-007");
            assertThat(c.damageOccurredOn()).isEqualTo(of(2017, 6, 15));
            assertThat(c.open()).isTrue();
        });
        DossierView.TenureView tenure = dossier.posts().get(0).tenures().get(0);
        assertThat(tenure.to()).isEqualTo(of(2019, 6, 30));
        assertThat(tenure.leavingReason()).isEqualTo(LeavingReason.RETIREMENT);
        assertThat(tenure.lifetimeCaseIds()).containsExactly("ZS-2021-007");
        assertThat(ledger.dossiers.dossier("t-head", TestLedger.endOf(of(2020, 12, 31))).orElseThrow()
                .lifetimeCases()).isEmpty();
    }

    @Test
    void inspectionCasesOfThePlaceAndBelow_areListedPerTenure_asAssignedClosedOrStillOpen() {
        ledger.recordingOn(of(2017, 6, 20));
        ledger.assignCase("DC-001", "V", of(2017, 6, 20));
        ledger.stepCase("DC-001", CaseStatus.ASSIGNED, CaseStatus.RECTIFYING, of(2017, 7, 1));
        ledger.recordingOn(of(2019, 9, 1));
        ledger.stepCase("DC-001", CaseStatus.RECTIFYING, CaseStatus.RECTIFIED, of(2019, 8, 1));
        ledger.stepCase("DC-001", CaseStatus.RECTIFIED, CaseStatus.CLOSED, of(2019, 9, 1));
        ledger.recordingOn(of(2018, 5, 1));
        ledger.assignCase("DC-002", "K2", of(2018, 5, 1));

        DossierView.TenureView townshipHead = ledger.dossiers.dossier("t-head", AsOf.now()).orElseThrow()
                .posts().get(0).tenures().get(0);
        assertThat(townshipHead.inspectionCases()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo("DC-001");
            assertThat(c.assignedDuringTenure()).isTrue();
            assertThat(c.closedDuringTenure()).isFalse();
            assertThat(c.openAtTenureEnd()).isTrue();
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        });
        DossierView countySecretary = ledger.dossiers.dossier("k-sec-2", AsOf.now()).orElseThrow();
        assertThat(countySecretary.posts().get(0).tenures().get(0).inspectionCases()).singleElement()
                .satisfies(c -> {
                    assertThat(c.assignedDuringTenure()).isFalse();
                    assertThat(c.closedDuringTenure()).isTrue();
                });
        DossierView asOf2018 = ledger.dossiers.dossier("t-head", TestLedger.endOf(of(2018, 12, 31))).orElseThrow();
        assertThat(asOf2018.posts().get(0).tenures().get(0).inspectionCases()).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.RECTIFYING);
                    assertThat(c.closedOn()).isNull();
                });
        DossierView newTownship = ledger.dossiers.dossier("t2-sec", AsOf.now()).orElseThrow();
        assertThat(newTownship.posts().get(0).tenures().get(0).inspectionCases())
                .as("assigned while V was under T, so not T2's").isEmpty();
    }
}
