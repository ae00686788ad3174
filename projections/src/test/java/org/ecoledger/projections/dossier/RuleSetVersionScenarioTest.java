package org.ecoledger.projections.dossier;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.rules.ruleset.DutyPeriod;
import org.ecoledger.core.rules.ruleset.DutyRule;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.compliance.CompliancePeriod;
import org.ecoledger.projections.compliance.ComplianceService;
import org.ecoledger.projections.compliance.ComplianceView;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.duties.DutyStatus;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.review.ReviewFlag;
import org.ecoledger.projections.review.ReviewFlagCode;
import org.ecoledger.projections.testing.TestLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A version added to the catalogue while the ledger runs: QHD-2018 version 2, in force from 2019-01-01, asks the
 * county standing committee to meet monthly instead of quarterly. The services ask the catalogue on every answer.
 */
class RuleSetVersionScenarioTest {

    static final Instant POSTED = Instant.parse("2020-06-01T02:00:00Z");

    /** A catalogue that gains versions, each known from the instant it was added. */
    static final class GrowingCatalogue implements RuleSetCatalogue {
        record Added(RuleSet set, Instant at) {
        }

        final List<Added> added = new ArrayList<>();

        @Override
        public RuleSets current() {
            return knownAt(Instant.MAX);
        }

        @Override
        public RuleSets knownAt(Instant instant) {
            RuleSets known = TestLedger.RULE_SETS;
            for (Added version : added) {
                if (!version.at().isAfter(instant)) {
                    known = known.with(version.set());
                }
            }
            return known;
        }
    }

    TestLedger ledger;
    GrowingCatalogue catalogue = new GrowingCatalogue();
    DossierService dossiers;
    PromotionReviewService reviews;
    ComplianceService compliance;

    @BeforeEach
    void record() {
        ledger = new TestLedger();
        dossiers = new DossierService(ledger.records, ledger.history, ledger.places, ledger.cases, catalogue,
                ledger.calendar);
        reviews = new PromotionReviewService(ledger.history, ledger.places, catalogue, ledger.calendar);
        compliance = new ComplianceService(ledger.places, ledger.records, catalogue, ledger.calendar);
        ledger.place("C", "秦皇岛市", JurisdictionLevel.CITY, null, of(2000, 1, 1));
        ledger.place("K", "青龙县", JurisdictionLevel.COUNTY, "C", of(2000, 1, 1));
        ledger.recordingOn(of(2018, 1, 2));
        ledger.official("k-sec", "王书记");
        ledger.appoint("k-sec", "K-SEC", "K", Role.PARTY_SECRETARY, of(2018, 1, 1));
        for (int year : new int[] {2018, 2019}) {
            ledger.recordingOn(of(year, 7, 1));
            ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, of(year, 4, 12));
            ledger.meeting("k-sec", "K-SEC", MeetingBody.STANDING_COMMITTEE, of(year, 6, 20));
        }
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static RuleSet monthlyCountyStandingCommittee() {
        RuleSet v1 = TestLedger.RULE_SETS.find(RuleSets.QHD_2018, 1).orElseThrow();
        List<DutyRule> duties = v1.duties().stream().map(d -> !d.code().equals("ART10_COUNTY_STANDING_COMMITTEE") ? d
                : new DutyRule(d.code(), d.duty(), d.appliesTo(), DutyPeriod.MONTH, d.minimum(), d.bodies(),
                        d.article(), "县区委常委会每月至少研究1次生态环境保护工作")).toList();
        return new RuleSet(v1.id(), 2, LocalDate.of(2019, 1, 1), "monthly", duties, v1.partialPeriodRule(),
                v1.consequences());
    }

    static DutyPeriodView period(DossierView dossier, String label) {
        return dossier.posts().get(0).tenures().get(0).duties().stream()
                .filter(d -> d.ruleCode().equals("ART10_COUNTY_STANDING_COMMITTEE") && d.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no period " + label));
    }

    @Test
    @DisplayName("a version added later judges the periods from its effectiveFrom, and only those")
    void aVersionAddedLater_judgesThePeriodsFromItsEffectiveFrom_andLeavesEarlierOnesAlone() {
        DossierView before = dossiers.dossier("k-sec", AsOf.now()).orElseThrow();
        assertThat(period(before, "2019-Q2").status()).isEqualTo(DutyStatus.MET);
        assertThat(period(before, "2019-Q2").ruleSet()).isEqualTo("QHD-2018@1");

        catalogue.added.add(new GrowingCatalogue.Added(monthlyCountyStandingCommittee(), POSTED));
        DossierView after = dossiers.dossier("k-sec", AsOf.now()).orElseThrow();

        assertThat(period(after, "2019-05").status()).isEqualTo(DutyStatus.MISSED);
        assertThat(period(after, "2019-05").ruleSet()).isEqualTo("QHD-2018@2");
        assertThat(period(after, "2019-05").article()).isEqualTo("003 Art. 10");
        assertThat(period(after, "2019-04").status()).isEqualTo(DutyStatus.MET);
        assertThat(period(after, "2019-06").status()).isEqualTo(DutyStatus.MET);
        assertThat(period(after, "2018-Q2")).usingRecursiveComparison().isEqualTo(period(before, "2018-Q2"));
        assertThat(period(after, "2018-Q2").ruleSet()).isEqualTo("QHD-2018@1");
        assertThat(after.posts().get(0).tenures().get(0).duties())
                .filteredOn(d -> d.ruleCode().equals("ART10_COUNTY_STANDING_COMMITTEE"))
                .extracting(DutyPeriodView::label).contains("2018-Q4", "2019-01").doesNotContain("2019-Q1", "2018-12");
        assertThat(after.ruleSets()).contains("QHD-2018@1", "QHD-2018@2");
    }

    @Test
    @DisplayName("a view as of a moment before the version was added judges as the ledger did then")
    void aViewAsOfAMomentBeforeTheVersionWasAdded_judgesWithTheRulesKnownThen() {
        catalogue.added.add(new GrowingCatalogue.Added(monthlyCountyStandingCommittee(), POSTED));

        DossierView then = dossiers.dossier("k-sec", AsOf.at(POSTED.minusSeconds(1), TestLedger.ZONE))
                .orElseThrow();
        assertThat(period(then, "2019-Q2").status()).isEqualTo(DutyStatus.MET);
        assertThat(then.ruleSets()).containsExactly("QHD-2018@1");

        DossierView later = dossiers.dossier("k-sec", AsOf.at(POSTED, TestLedger.ZONE)).orElseThrow();
        assertThat(period(later, "2019-05").ruleSet()).isEqualTo("QHD-2018@2");
    }

    @Test
    void theReviewAndTheComplianceView_useTheAddedVersionToo() {
        catalogue.added.add(new GrowingCatalogue.Added(monthlyCountyStandingCommittee(), POSTED));

        List<ReviewFlag> flags = reviews.review("k-sec", of(2020, 1, 2)).orElseThrow().flags();
        assertThat(flags).filteredOn(f -> f.code() == ReviewFlagCode.DUTY_MINIMUM_MISSED)
                .filteredOn(f -> f.ruleSet().equals("QHD-2018@2") && f.article().equals("003 Art. 10"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2019-01, 2019-02, 2019-03, 2019-05,"));
        assertThat(reviews.review("k-sec", of(2020, 1, 2)).orElseThrow().ruleSet()).isEqualTo("QHD-2018@2");

        ComplianceView q2 = compliance.compliance("K", CompliancePeriod.parse("2019-Q2")).orElseThrow();
        ComplianceView.DutyCompliance meetings = q2.posts().get(0).duties().stream()
                .filter(d -> d.ruleCode().equals("ART10_COUNTY_STANDING_COMMITTEE")).findFirst().orElseThrow();
        assertThat(meetings.ruleSet()).isEqualTo("QHD-2018@2");
        assertThat(meetings.judged()).isEqualTo(3);
        assertThat(meetings.missed()).isEqualTo(1);
    }
}
