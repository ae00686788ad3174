package org.ecoledger.projections.dossier;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.record.TenureState;
import org.ecoledger.projections.review.ReviewFlagCode;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 更正: a correction supersedes an entry in views from the moment it is recorded, never before. */
class CorrectionScenarioTest {

    TestLedger ledger;
    long assessment2018;
    long correction;

    @BeforeEach
    void record() {
        ledger = new TestLedger();
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.recordingOn(of(2016, 1, 5));
        ledger.official("k-head", "李县长");
        ledger.appoint("k-head", "K-HEAD", "K", Role.GOVERNMENT_HEAD, of(2016, 1, 1));
        ledger.recordingOn(of(2019, 1, 15));
        assessment2018 = ledger.assessment("k-head", 2018, AssessmentGrade.QUALIFIED, of(2019, 1, 15));

        ObjectNode replacement = JsonNodeFactory.instance.objectNode()
                .put("year", 2018).put("grade", "UNQUALIFIED").put("occurredOn", "2019-01-15");
        replacement.putArray("conditions").add(6);
        ledger.recordingOn(of(2020, 3, 2));
        correction = ledger.correct("k-head", assessment2018, EntryType.ANNUAL_ASSESSMENT, replacement,
                of(2020, 3, 2));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    @DisplayName("a correction recorded in 2020 of a 2018 assessment changes today's view of 2018")
    void todaysView_appliesTheCorrection() {
        DossierView now = ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow();

        assertThat(now.assessments()).singleElement().satisfies(a -> {
            assertThat(a.sequence()).isEqualTo(assessment2018);
            assertThat(a.grade()).isEqualTo(AssessmentGrade.UNQUALIFIED);
            assertThat(a.conditions()).containsExactly(6);
            assertThat(a.awardEligible()).isFalse();
            assertThat(a.correctedBy()).containsExactly(correction);
        });
        assertThat(now.corrections()).singleElement().satisfies(c -> {
            assertThat(c.sequence()).isEqualTo(correction);
            assertThat(c.correctsSequence()).isEqualTo(assessment2018);
            assertThat(c.reason()).isEqualTo("录入错误");
            assertThat(c.approvedBy()).isEqualTo("市委组织部部务会");
            assertThat(c.inForce()).isTrue();
        });
        assertThat(now.headSequence()).isEqualTo(correction);
    }

    @Test
    @DisplayName("… but not the view as of 2019-12-31")
    void theViewAsOf20191231_showsTheAssessmentAsFirstRecorded() {
        DossierView then = ledger.dossiers.dossier("k-head", TestLedger.endOf(of(2019, 12, 31))).orElseThrow();

        assertThat(then.assessments()).singleElement().satisfies(a -> {
            assertThat(a.grade()).isEqualTo(AssessmentGrade.QUALIFIED);
            assertThat(a.awardEligible()).isTrue();
            assertThat(a.correctedBy()).isEmpty();
        });
        assertThat(then.corrections()).isEmpty();
        assertThat(then.headSequence()).isEqualTo(assessment2018);
        assertThat(then.asOf()).isEqualTo(of(2019, 12, 31));
    }

    @Test
    void theReview_followsTheRecordAsOfItsDate() {
        assertThat(ledger.reviews.review("k-head", of(2019, 12, 31)).orElseThrow().flags())
                .extracting(f -> f.code()).doesNotContain(ReviewFlagCode.UNQUALIFIED_ASSESSMENT);
        assertThat(ledger.reviews.review("k-head", of(2020, 3, 2)).orElseThrow().flags())
                .extracting(f -> f.code()).contains(ReviewFlagCode.UNQUALIFIED_ASSESSMENT);
    }

    @Test
    void aLaterCorrectionOfTheSameEntry_supersedesTheEarlierOne() {
        ObjectNode again = JsonNodeFactory.instance.objectNode()
                .put("year", 2018).put("grade", "EXCELLENT").put("occurredOn", "2019-01-15");
        ledger.recordingOn(of(2021, 1, 4));
        long second = ledger.correct("k-head", assessment2018, EntryType.ANNUAL_ASSESSMENT, again, of(2021, 1, 4));

        DossierView now = ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow();
        assertThat(now.assessments().get(0).grade()).isEqualTo(AssessmentGrade.EXCELLENT);
        assertThat(now.assessments().get(0).correctedBy()).containsExactly(correction, second);
        assertThat(now.corrections()).extracting(c -> c.inForce()).containsExactly(false, true);
        assertThat(ledger.dossiers.dossier("k-head", TestLedger.endOf(of(2020, 12, 31))).orElseThrow()
                .assessments().get(0).grade()).isEqualTo(AssessmentGrade.UNQUALIFIED);
    }

    @Test
    void aCorrectedAppointmentDate_movesTheTenure_inViewsAndInTheReadModel() {
        ObjectNode appointment = JsonNodeFactory.instance.objectNode()
                .put("postId", "K-HEAD").put("jurisdictionCode", "K").put("role", "GOVERNMENT_HEAD")
                .put("responsibilityKind", "OVERALL").put("occurredOn", "2016-03-01");
        ledger.recordingOn(of(2021, 2, 1));
        ledger.correct("k-head", 1, EntryType.APPOINTED, appointment, of(2021, 2, 1));

        assertThat(ledger.dossiers.dossier("k-head", AsOf.now()).orElseThrow().posts().get(0).tenures().get(0)
                .from()).isEqualTo(of(2016, 3, 1));
        assertThat(ledger.records.summary("k-head").orElseThrow().tenures()).extracting(TenureState::from)
                .containsExactly(of(2016, 3, 1));
        assertThat(ledger.responsible.responsible("K", of(2016, 2, 1)).orElseThrow()).isEmpty();
        assertThat(ledger.dossiers.dossier("k-head", TestLedger.endOf(of(2020, 12, 31))).orElseThrow().posts()
                .get(0).tenures().get(0).from()).isEqualTo(of(2016, 1, 1));
    }
}
