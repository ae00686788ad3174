package org.ecoledger.projections.review;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromotionReviewScenarioTest {

    TestLedger ledger;

    @BeforeEach
    void official() {
        ledger = new TestLedger();
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.recordingOn(of(2016, 1, 5));
        ledger.official("k-sec", "王书记");
        ledger.appoint("k-sec", "K-SEC", "K", Role.PARTY_SECRETARY, of(2016, 1, 1));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** Meetings and inspections that keep the county secretary's duties met from 2018-01 to 2019-02. */
    void dutiesDone() {
        for (int month = 0; month < 14; month++) {
            java.time.LocalDate day = of(2018, 1, 10).plusMonths(month);
            ledger.recordingOn(day);
            ledger.inspection("k-sec", "K-SEC", day);
            if (month % 3 == 0) {
                ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, day);
            }
        }
    }

    @Test
    void aCleanRecord_isEligible_withNoFlag() {
        dutiesDone();
        PromotionReviewView review = ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow();
        assertThat(review.flags()).isEmpty();
        assertThat(review.eligible()).isTrue();
        assertThat(review.ruleSet()).isEqualTo("QHD-2018@1");
    }

    @Test
    @DisplayName("一票否决: a one-veto in 2018 → not eligible on 2019-03-01, citing the one-veto's sequence")
    void aOneVetoIn2018_makesTheReviewOn20190301NotEligible_citingItsSequence() {
        dutiesDone();
        ledger.recordingOn(of(2018, 11, 20));
        long veto = ledger.oneVeto("k-sec", 2018, OneVetoCapacity.PRINCIPAL, of(2018, 11, 20));

        PromotionReviewView review = ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow();

        assertThat(review.eligible()).isFalse();
        assertThat(review.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.code()).isEqualTo(ReviewFlagCode.ONE_VETO);
            assertThat(flag.blocking()).isTrue();
            assertThat(flag.sequences()).containsExactly(veto);
            assertThat(flag.article()).isEqualTo("001; 002");
            assertThat(flag.ruleSet()).isEqualTo("QHD-2018@1");
            assertThat(flag.message()).contains("2018年度被一票否决").contains("One-veto for 2018");
        });
        assertThat(ledger.reviews.review("k-sec", of(2020, 3, 1)).orElseThrow().flags())
                .extracting(ReviewFlag::code).doesNotContain(ReviewFlagCode.ONE_VETO);
    }

    @Test
    @DisplayName("连续两年不合格，应当调整其主要负责人工作岗位 (000)")
    void unqualifiedIn2017And2018_flagsThatThePostMustBeAdjusted() {
        dutiesDone();
        ledger.recordingOn(of(2018, 1, 20));
        long y2017 = ledger.assessment("k-sec", 2017, AssessmentGrade.UNQUALIFIED, of(2018, 1, 20));
        ledger.recordingOn(of(2019, 1, 20));
        long y2018 = ledger.assessment("k-sec", 2018, AssessmentGrade.UNQUALIFIED, of(2019, 1, 20));

        PromotionReviewView review = ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow();

        assertThat(review.eligible()).isFalse();
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.POST_MUST_BE_ADJUSTED)
                .singleElement().satisfies(flag -> {
                    assertThat(flag.blocking()).isTrue();
                    assertThat(flag.sequences()).containsExactly(y2017, y2018);
                    assertThat(flag.article()).isEqualTo("000");
                    assertThat(flag.message()).contains("应当调整其主要负责人工作岗位").contains("must be adjusted");
                });
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.UNQUALIFIED_ASSESSMENT)
                .extracting(ReviewFlag::sequences).containsExactly(java.util.List.of(y2017), java.util.List.of(y2018));
    }

    @Test
    void oneUnqualifiedYear_blocks_butDoesNotAskForAnAdjustment() {
        ledger.recordingOn(of(2019, 1, 20));
        ledger.assessment("k-sec", 2017, AssessmentGrade.QUALIFIED, of(2019, 1, 20));
        long y2018 = ledger.assessment("k-sec", 2018, AssessmentGrade.UNQUALIFIED, of(2019, 1, 20));

        PromotionReviewView review = ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow();
        assertThat(review.flags()).filteredOn(ReviewFlag::blocking).singleElement()
                .satisfies(flag -> assertThat(flag.sequences()).containsExactly(y2018))
                .extracting(ReviewFlag::code).isEqualTo(ReviewFlagCode.UNQUALIFIED_ASSESSMENT);
    }

    @Test
    void anOpenAccountabilityCase_blocks_untilItIsDecided() {
        ledger.recordingOn(of(2019, 1, 5));
        long referral = ledger.refer("k-sec", "WZ-2019-01", of(2019, 1, 5));
        assertThat(ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow().flags())
                .filteredOn(f -> f.code() == ReviewFlagCode.OPEN_ACCOUNTABILITY_CASE).singleElement()
                .satisfies(flag -> assertThat(flag.sequences()).containsExactly(referral));

        ledger.recordingOn(of(2019, 4, 1));
        ledger.decide("k-sec", "WZ-2019-01", AccountabilityOutcome.ADMONISHING_TALK, of(2019, 4, 1));
        assertThat(ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow().flags())
                .extracting(ReviewFlag::code).contains(ReviewFlagCode.OPEN_ACCOUNTABILITY_CASE);
        assertThat(ledger.reviews.review("k-sec", of(2019, 4, 2)).orElseThrow().flags())
                .extracting(ReviewFlag::code).doesNotContain(ReviewFlagCode.OPEN_ACCOUNTABILITY_CASE);
    }

    @Test
    void anOpenLifetimeCase_blocks() {
        ledger.recordingOn(of(2021, 5, 1));
        long opened = ledger.lifetime("k-sec", "ZS-2021-01", "K-SEC", of(2017, 6, 1), of(2021, 5, 1));
        PromotionReviewView review = ledger.reviews.review("k-sec", of(2021, 6, 1)).orElseThrow();
        assertThat(review.eligible()).isFalse();
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.OPEN_LIFETIME_CASE).singleElement()
                .satisfies(flag -> assertThat(flag.sequences()).containsExactly(opened));
    }

    @Test
    void aRecentSummons_andMissedDuties_areAdvisory() {
        ledger.recordingOn(of(2018, 9, 1));
        long summons = ledger.summons("k-sec", of(2018, 9, 1));

        PromotionReviewView review = ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow();

        assertThat(review.eligible()).isTrue();
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.RECENT_SUMMONS).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.blocking()).isFalse();
                    assertThat(flag.sequences()).containsExactly(summons);
                });
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.DUTY_MINIMUM_MISSED)
                .extracting(ReviewFlag::article).containsExactlyInAnyOrder("003 Art. 10", "003 Art. 11");
        assertThat(review.flags()).filteredOn(f -> f.code() == ReviewFlagCode.DUTY_MINIMUM_MISSED)
                .extracting(ReviewFlag::message)
                .anySatisfy(m -> assertThat(m).contains("2018-Q1, 2018-Q2, 2018-Q3, 2018-Q4 /")
                        .contains("(ART10_COUNTY_STANDING_COMMITTEE)"))
                .anySatisfy(m -> assertThat(m).contains("2018-01, 2018-02").contains("2018-12 /"))
                .allSatisfy(m -> assertThat(m).doesNotContain("2017-").doesNotContain("2019-"));
        assertThat(ledger.reviews.review("k-sec", of(2019, 9, 2)).orElseThrow().flags())
                .extracting(ReviewFlag::code).doesNotContain(ReviewFlagCode.RECENT_SUMMONS);
    }

    @Test
    void theReview_judgesTheRecordAsItStoodOnItsDate() {
        dutiesDone();
        ledger.recordingOn(of(2019, 5, 1));
        ledger.oneVeto("k-sec", 2018, OneVetoCapacity.PRINCIPAL, of(2019, 5, 1));
        assertThat(ledger.reviews.review("k-sec", of(2019, 3, 1)).orElseThrow().eligible()).isTrue();
        assertThat(ledger.reviews.review("k-sec", of(2019, 5, 1)).orElseThrow().eligible()).isFalse();
    }

    @Test
    @DisplayName("a review for a promotion date still ahead judges only the periods that ended by yesterday")
    void aReviewForADateStillAhead_doesNotCountMonthsNotYetOver_asMissed() {
        for (int month = 0; month < 11; month++) {
            java.time.LocalDate day = of(2023, 7, 10).plusMonths(month);
            ledger.recordingOn(day);
            ledger.inspection("k-sec", "K-SEC", day);
            if (month % 3 == 0) {
                ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, day);
            }
        }
        // today is 2024-06-01: June, and so the second quarter, are not over
        PromotionReviewView review = ledger.reviews.review("k-sec", of(2024, 9, 1)).orElseThrow();
        assertThat(review.flags()).isEmpty();
        assertThat(ledger.reviews.review("k-sec", of(2024, 8, 1)).orElseThrow().flags()).isEmpty();
    }

    @Test
    void anUnknownOfficial_hasNoReview() {
        assertThat(ledger.reviews.review("nobody", of(2019, 3, 1))).isEmpty();
    }
}
