package org.ecoledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.log.TransparencyLog;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.compliance.ComplianceService;
import org.ecoledger.projections.compliance.ComplianceView;
import org.ecoledger.projections.compliance.CompliancePeriod;
import org.ecoledger.projections.dossier.DossierService;
import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.review.PromotionReviewView;
import org.ecoledger.projections.review.ReviewFlag;
import org.ecoledger.projections.review.ReviewFlagCode;
import org.ecoledger.projections.tracing.ResponsibleService;
import org.ecoledger.projections.tracing.ResponsibleView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small demo city loaded by {@code LEDGER_DEMO_DATA} into an empty ledger on its first start: every command
 * accepted, every record chained and verifiable, every event in the transparency log, and each named scenario
 * visible in the read views; a second start loads nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCityLoadTest {

    static final DemoCitySize SMALL = new DemoCitySize(1, 2, 2, DemoCitySize.DEFAULT_SEED);
    static final String[] SMALL_CITY = {"--ledger.demo-data=true", "--ledger.demo.counties=1",
        "--ledger.demo.townships-per-county=2", "--ledger.demo.villages-per-township=2"};

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static DemoCity city;

    @BeforeAll
    static void firstStart() throws Exception {
        ledger = RunningLedger.start(dataDir, SMALL_CITY);
        awaitEnd(ledger.bean(DemoCityStatus.class));
        city = ledger.bean(DemoCityLoader.class).generate(SMALL);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    static void awaitEnd(DemoCityStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline && switch (status.state()) {
            case LOADED, FAILED, SKIPPED, DISABLED -> false;
            default -> true;
        }) {
            Thread.sleep(250);
        }
    }

    static long events() {
        TrackingToken head = ledger.bean(EventStore.class).createHeadToken();
        return head == null ? 0 : head.position().orElseThrow() + 1;
    }

    static String official(String scenario) {
        return city.scenario(scenario).orElseThrow().officialId();
    }

    static PromotionReviewView review(String scenario, String on) {
        return ledger.bean(PromotionReviewService.class).review(official(scenario), LocalDate.parse(on)).orElseThrow();
    }

    static List<ReviewFlagCode> codes(PromotionReviewView review) {
        return review.flags().stream().map(ReviewFlag::code).toList();
    }

    @Test
    @Order(1)
    void everyCommandIsStored_oneEventEach_andTheViewsAndTheLogHaveCaughtUp() {
        DemoCityStatus status = ledger.bean(DemoCityStatus.class);
        assertThat(status.state()).as("%s", status.details()).isEqualTo(DemoCityStatus.State.LOADED);
        assertThat(status.details()).containsEntry("digest", city.digest());
        assertThat(events()).isEqualTo(city.counts().commands());
        assertThat(ledger.bean(TransparencyLog.class).size()).as("every event is a leaf of the log")
                                                             .isEqualTo(city.counts().commands());
        assertThat(ledger.bean(DemoCityLoader.class).lag()).isNotEmpty().allSatisfy((name, behind) ->
                assertThat(behind).as(name).isZero());
        assertThat(city.counts().officials()).isBetween(150, 260);
        assertThat(city.counts().jurisdictions()).isEqualTo(1 + 1 + 2 + 4);
    }

    @Test
    @Order(2)
    void everyRecordIsChained_andVerifiesFromTheStoredData() {
        RecordVerifier verifier = ledger.bean(RecordVerifier.class);
        for (DemoWrite write : city.writes()) {
            ChainVerification verification = verifier.verify(write.aggregateId());
            assertThat(verification.valid()).as("%s: %s", write.aggregateId(), verification.summary()).isTrue();
            assertThat(verification.entries()).as(write.aggregateId()).isEqualTo(write.commands().size());
        }
    }

    @Test
    @DisplayName("连续两年不合格: the review on 2019-02-01 flags both years and asks for the post to be adjusted")
    void twoUnqualifiedYears_areFlagged() {
        PromotionReviewView review = review("TWO_UNQUALIFIED_YEARS", "2019-02-01");
        assertThat(review.eligible()).isFalse();
        assertThat(codes(review)).contains(ReviewFlagCode.POST_MUST_BE_ADJUSTED, ReviewFlagCode.RECENT_SUMMONS)
                                 .filteredOn(code -> code == ReviewFlagCode.UNQUALIFIED_ASSESSMENT).hasSize(2);
        assertThat(codes(review)).contains(ReviewFlagCode.DUTY_MINIMUM_MISSED);
    }

    @Test
    @DisplayName("一票否决: the one-veto of 2018 blocks a review on 2019-03-01, not one on 2020-03-01")
    void oneVeto_blocks() {
        PromotionReviewView review = review("ONE_VETO", "2019-03-01");
        assertThat(review.eligible()).isFalse();
        assertThat(codes(review)).contains(ReviewFlagCode.ONE_VETO, ReviewFlagCode.RECENT_SUMMONS);
        assertThat(codes(review("ONE_VETO", "2020-03-01"))).doesNotContain(ReviewFlagCode.ONE_VETO);
    }

    @Test
    @DisplayName("更正: the correction of 2019-09-16 is seen by a review on 2019-10-01, not by one on 2019-09-01")
    void theCorrectedAssessment_countsFromTheCorrectionsDate() {
        assertThat(codes(review("CORRECTION", "2019-09-01"))).doesNotContain(ReviewFlagCode.UNQUALIFIED_ASSESSMENT);
        PromotionReviewView after = review("CORRECTION", "2019-10-01");
        assertThat(after.eligible()).isFalse();
        assertThat(codes(after)).containsOnlyOnce(ReviewFlagCode.UNQUALIFIED_ASSESSMENT);
        DossierView dossier = ledger.bean(DossierService.class).dossier(official("CORRECTION"), AsOf.now())
                                    .orElseThrow();
        assertThat(dossier.corrections()).singleElement().satisfies(c -> assertThat(c.inForce()).isTrue());
        assertThat(dossier.assessments()).filteredOn(a -> a.year() == 2018).singleElement()
                                         .satisfies(a -> assertThat(a.correctedBy()).hasSize(1));
    }

    @Test
    @DisplayName("提拔: the county secretary was eligible before the promotion and holds the city post after it")
    void thePromotedCountySecretary_hasBothPosts() {
        PromotionReviewView before = review("PROMOTED_COUNTY_SECRETARY", "2018-02-01");
        assertThat(before.eligible()).as("%s", before.flags()).isTrue();
        assertThat(codes(before)).doesNotContain(ReviewFlagCode.DUTY_MINIMUM_MISSED);
        DossierView dossier = ledger.bean(DossierService.class)
                                    .dossier(official("PROMOTED_COUNTY_SECRETARY"), AsOf.now()).orElseThrow();
        assertThat(dossier.posts()).extracting(DossierView.PostView::role)
                                   .containsExactly(Role.PARTY_SECRETARY, Role.DEPUTY_IN_CHARGE);
        DossierView.TenureView county = dossier.posts().get(0).tenures().get(0);
        assertThat(county.to()).isEqualTo(LocalDate.of(2018, 2, 28));
        assertThat(county.leavingReason()).isEqualTo(LeavingReason.PROMOTION);
        assertThat(county.departureAuditSequences()).hasSize(1);
        assertThat(county.missedDuties()).isZero();
    }

    @Test
    @DisplayName("终身追责: an incident on 2017-06-15 traces to the township head who retired in 2019, whose case is open")
    void theRetiredTownshipHead_isTraced_andTheLifetimeCaseBlocks() {
        String village = city.scenario("INCIDENT_TRACING").orElseThrow().look()
                             .replaceAll(".*/jurisdictions/(\\d+)/.*", "$1");
        List<ResponsibleView> responsible = ledger.bean(ResponsibleService.class)
                                                  .responsible(village, LocalDate.of(2017, 6, 15)).orElseThrow();
        assertThat(responsible).extracting(ResponsibleView::officialId)
                               .contains(official("RETIRED_TOWNSHIP_HEAD"), official("PROMOTED_COUNTY_SECRETARY"),
                                       official("DUTY_MINIMUM_MISSED"), official("CORRECTION"));
        assertThat(responsible).extracting(ResponsibleView::role)
                               .contains(Role.VILLAGE_SECRETARY, Role.VILLAGE_DIRECTOR, Role.PARTY_SECRETARY,
                                       Role.GOVERNMENT_HEAD);
        assertThat(responsible).filteredOn(r -> r.officialId().equals(official("RETIRED_TOWNSHIP_HEAD")))
                               .singleElement()
                               .satisfies(r -> assertThat(r.tenureTo()).isEqualTo(LocalDate.of(2019, 3, 31)));
        assertThat(codes(review("RETIRED_TOWNSHIP_HEAD", "2019-12-01"))).contains(ReviewFlagCode.OPEN_LIFETIME_CASE);

        DossierView dossier = ledger.bean(DossierService.class)
                                    .dossier(official("RETIRED_TOWNSHIP_HEAD"), AsOf.now()).orElseThrow();
        DossierView.TenureView tenure = dossier.posts().get(0).tenures().get(0);
        assertThat(tenure.leavingReason()).isEqualTo(LeavingReason.RETIREMENT);
        assertThat(tenure.lifetimeCaseIds()).containsExactly("ZS-2019-001");
        assertThat(tenure.inspectionCases()).extracting(DossierView.CaseInTenureView::caseId)
                                            .contains("ZYDC-2017-001");
        assertThat(tenure.inspectionCases()).filteredOn(c -> c.caseId().equals("ZYDC-2017-001")).singleElement()
                                            .satisfies(c -> assertThat(c.status()).isEqualTo(CaseStatus.CLOSED));
    }

    @Test
    @DisplayName("问责: a case referred in November 2019 and not decided blocks a review in December")
    void anOpenAccountabilityCase_blocks() {
        PromotionReviewView review = review("OPEN_ACCOUNTABILITY_CASE", "2019-12-15");
        assertThat(review.eligible()).isFalse();
        assertThat(codes(review)).contains(ReviewFlagCode.OPEN_ACCOUNTABILITY_CASE);
    }

    @Test
    @DisplayName("合规: in 2019-Q2 the township's secretary missed the joint meeting that its head held every month")
    void compliance_showsTheLapsedSecretaryBesideTheHeadWhoMetTheDuty() {
        String township = city.scenario("DUTY_MINIMUM_MISSED").orElseThrow().look()
                              .replaceAll(".*jurisdictionCode=(\\d+)&.*", "$1");
        ComplianceView view = ledger.bean(ComplianceService.class)
                                    .compliance(township, CompliancePeriod.parse("2019-Q2")).orElseThrow();
        assertThat(view.posts()).filteredOn(p -> p.officialId().equals(official("DUTY_MINIMUM_MISSED")))
                                .singleElement().satisfies(p -> assertThat(p.duties())
                                        .filteredOn(d -> d.ruleCode().equals("ART10_TOWNSHIP_JOINT_MEETING"))
                                        .singleElement().satisfies(d -> {
                                            assertThat(d.judged()).isEqualTo(3);
                                            assertThat(d.missed()).isEqualTo(3);
                                        }));
        assertThat(view.posts()).filteredOn(p -> p.role() == Role.GOVERNMENT_HEAD && p.departmentCode() == null)
                                .singleElement().satisfies(p -> assertThat(p.duties())
                                        .filteredOn(d -> d.ruleCode().equals("ART10_TOWNSHIP_JOINT_MEETING"))
                                        .singleElement().satisfies(d -> {
                                            assertThat(d.judged()).isEqualTo(3);
                                            assertThat(d.met()).isEqualTo(3);
                                        }));
    }

    @Test
    @DisplayName("most posts meet every duty in 2018, a realistic share miss some")
    void mostPostsAreCompliant_someAreNot() {
        ComplianceService compliance = ledger.bean(ComplianceService.class);
        int compliant = 0;
        int lapsed = 0;
        for (DemoWrite write : city.writes()) {
            if (write.kind() != DemoWrite.Kind.JURISDICTION) {
                continue;
            }
            String code = write.aggregateId().substring("jurisdiction/".length());
            for (ComplianceView.PostCompliance post : compliance.compliance(code, CompliancePeriod.parse("2018"))
                                                                .orElseThrow().posts()) {
                int judged = post.duties().stream().mapToInt(ComplianceView.DutyCompliance::judged).sum();
                int missed = post.duties().stream().mapToInt(ComplianceView.DutyCompliance::missed).sum();
                if (judged > 0 && missed == 0) {
                    compliant++;
                } else if (missed > 0) {
                    lapsed++;
                }
            }
        }
        assertThat(lapsed).isPositive();
        assertThat(compliant).isGreaterThan(3 * lapsed);
    }

    @Test
    void theHealthComponent_saysLoaded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode demo = new ObjectMapper().readTree(response.body()).path("components").path("demoCity");
        assertThat(demo.path("status").asText()).isEqualTo("UP");
        assertThat(demo.path("details").path("state").asText()).isEqualTo("LOADED");
        assertThat(demo.path("details").path("digest").asText()).isEqualTo(city.digest());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("a second start on the same store loads nothing")
    void aSecondStart_loadsNothing() throws Exception {
        long before = events();
        ledger.close();
        ledger = RunningLedger.start(dataDir, SMALL_CITY);
        DemoCityStatus status = ledger.bean(DemoCityStatus.class);
        awaitEnd(status);
        assertThat(status.state()).isEqualTo(DemoCityStatus.State.SKIPPED);
        assertThat(events()).isEqualTo(before);
    }
}
