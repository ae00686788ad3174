package org.ecoledger.api.views;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.object;
import static org.ecoledger.api.views.HttpLedger.duties;
import static org.ecoledger.api.views.HttpLedger.only;
import static org.ecoledger.api.views.HttpLedger.period;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.TravellingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The scenarios of issue 5, each end to end over HTTP on the real application: the data is written through the API
 * as the roles API.md names, and the views' exact answers are read back over HTTP. The ledger's clock is a
 * {@link TravellingClock}, so that a scenario can record entries on the days they happened ("a correction recorded
 * in 2020") and ask the views as of a date in between. Each scenario has its own places and officials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenariosOverHttpTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String QHD = "QHD-2018@1";

    @TempDir
    static Path dataDir;

    final TravellingClock clock = new TravellingClock();
    RunningLedger running;
    HttpLedger ledger;

    @BeforeAll
    void start() {
        running = RunningLedger.start(dataDir, clock);
        ledger = new HttpLedger(running);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @AfterEach
    void backToNow() {
        clock.backToNow();
    }

    /** A city and a county under it, existing since 2000. */
    void cityAndCounty(String prefix) {
        ledger.place(prefix + "-C", "秦皇岛市", "CITY", null, of(2000, 1, 1));
        ledger.place(prefix + "-K", "青龙县", "COUNTY", prefix + "-C", of(2000, 1, 1));
    }

    /** Meetings and led inspections that keep a county secretary's duties met from 2018-01 to 2019-02. */
    void countySecretaryDutiesDone(String id, String postId) {
        for (int month = 0; month < 14; month++) {
            LocalDate day = of(2018, 1, 10).plusMonths(month);
            ledger.inspection(id, postId, day);
            if (month % 3 == 0) {
                ledger.meeting(id, postId, "STANDING_COMMITTEE", day);
            }
        }
    }

    static List<String> codes(JsonNode flags) {
        List<String> codes = new ArrayList<>();
        flags.forEach(flag -> codes.add(flag.path("code").asText()));
        return codes;
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    @Test
    @DisplayName("县区政府常务会每月至少研究1次: two of the three monthly meetings of a quarter → the missed month, Art. 10")
    void twoOfTheThreeMonthlyMeetingsOfAQuarter_theDossierShowsTheMissedMonthAgainstArt10() {
        cityAndCounty("S1");
        ledger.official("s1-k-head", "李县长");
        ledger.appoint("s1-k-head", "S1-K-HEAD", "S1-K", "GOVERNMENT_HEAD", of(2018, 1, 1));
        long april = ledger.meeting("s1-k-head", "S1-K-HEAD", "GOVERNMENT_EXECUTIVE", of(2018, 4, 12));
        long june = ledger.meeting("s1-k-head", "S1-K-HEAD", "GOVERNMENT_EXECUTIVE", of(2018, 6, 20));
        ledger.official("s1-k-sec", "王书记");
        ledger.appoint("s1-k-sec", "S1-K-SEC", "S1-K", "PARTY_SECRETARY", of(2018, 1, 1));
        long secApril = ledger.meeting("s1-k-sec", "S1-K-SEC", "STANDING_COMMITTEE", of(2018, 4, 12));
        long secJune = ledger.meeting("s1-k-sec", "S1-K-SEC", "STANDING_COMMITTEE", of(2018, 6, 20));

        JsonNode dossier = ledger.dossier("s1-k-head", june);
        JsonNode duties = duties(dossier, "S1-K-HEAD");
        JsonNode may = period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-05");
        assertThat(may.path("status").asText()).isEqualTo("MISSED");
        assertThat(may.path("article").asText()).isEqualTo("003 Art. 10");
        assertThat(may.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(may.path("requiredCount").asInt()).isEqualTo(1);
        assertThat(may.path("done").asInt()).isZero();
        assertThat(may.path("sequences")).isEmpty();
        assertThat(may.path("start").asText()).isEqualTo("2018-05-01");
        assertThat(may.path("end").asText()).isEqualTo("2018-05-31");
        JsonNode aprilPeriod = period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-04");
        assertThat(aprilPeriod.path("status").asText()).isEqualTo("MET");
        assertThat(longs(aprilPeriod.path("sequences"))).containsExactly(april);
        JsonNode junePeriod = period(duties, "ART10_COUNTY_GOVERNMENT_EXECUTIVE", "2018-06");
        assertThat(junePeriod.path("status").asText()).isEqualTo("MET");
        assertThat(longs(junePeriod.path("sequences"))).containsExactly(june);
        assertThat(dossier.path("ruleSets").toString()).contains(QHD);

        ledger.awaitViewsCaughtUp();
        JsonNode q2 = ledger.compliance("S1-K", "2018-Q2");
        assertThat(q2.path("period").asText()).isEqualTo("2018-Q2");
        JsonNode head = only(q2.path("posts"), "officialId", "s1-k-head");
        JsonNode meetings = only(head.path("duties"), "ruleCode", "ART10_COUNTY_GOVERNMENT_EXECUTIVE");
        assertThat(meetings.path("article").asText()).isEqualTo("003 Art. 10");
        assertThat(meetings.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(meetings.path("judged").asInt()).isEqualTo(3);
        assertThat(meetings.path("met").asInt()).isEqualTo(2);
        assertThat(meetings.path("missed").asInt()).isEqualTo(1);
        assertThat(meetings.path("required").asInt()).isEqualTo(3);
        assertThat(meetings.path("done").asInt()).isEqualTo(2);
        assertThat(meetings.path("periods").findValuesAsText("status")).containsExactly("MET", "MISSED", "MET");

        // The county party secretary's standing committee answers quarterly (003 Art. 10; docs/rule-sets.md): the
        // same two meetings meet Art. 10 for 2018-Q2. (Monthly, by a city's own version: RuleSetsOverHttpTest.)
        JsonNode secretary = period(duties(ledger.dossier("s1-k-sec", secJune), "S1-K-SEC"),
                                    "ART10_COUNTY_STANDING_COMMITTEE", "2018-Q2");
        assertThat(secretary.path("status").asText()).isEqualTo("MET");
        assertThat(secretary.path("article").asText()).isEqualTo("003 Art. 10");
        assertThat(longs(secretary.path("sequences"))).containsExactly(secApril, secJune);
    }

    @Test
    @DisplayName("市委、市政府主要负责人每季度至少带队检查1次: a city mayor who led one in every quarter of 2017 is compliant")
    void aCityMayorWhoLedAnInspectionInEveryQuarterOf2017_isCompliantUnderArt11() {
        cityAndCounty("S2");
        ledger.official("s2-mayor", "赵市长");
        ledger.appoint("s2-mayor", "S2-C-GOV-HEAD", "S2-C", "GOVERNMENT_HEAD", of(2016, 3, 1));
        List<Long> sequences = List.of(
                ledger.inspection("s2-mayor", "S2-C-GOV-HEAD", of(2017, 2, 14)),
                ledger.inspection("s2-mayor", "S2-C-GOV-HEAD", of(2017, 5, 9)),
                ledger.inspection("s2-mayor", "S2-C-GOV-HEAD", of(2017, 9, 30)),
                ledger.inspection("s2-mayor", "S2-C-GOV-HEAD", of(2017, 12, 1)));
        ledger.dossier("s2-mayor", sequences.get(3));
        ledger.awaitViewsCaughtUp();

        JsonNode year = ledger.compliance("S2-C", "2017");
        assertThat(year.path("from").asText()).isEqualTo("2017-01-01");
        assertThat(year.path("to").asText()).isEqualTo("2017-12-31");
        assertThat(year.path("posts")).hasSize(1);
        JsonNode post = year.path("posts").get(0);
        assertThat(post.path("officialId").asText()).isEqualTo("s2-mayor");
        assertThat(post.path("role").asText()).isEqualTo("GOVERNMENT_HEAD");
        JsonNode art11 = only(post.path("duties"), "article", "003 Art. 11");
        assertThat(art11.path("ruleCode").asText()).isEqualTo("ART11_CITY_PRINCIPALS");
        assertThat(art11.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(art11.path("judged").asInt()).isEqualTo(4);
        assertThat(art11.path("met").asInt()).isEqualTo(4);
        assertThat(art11.path("missed").asInt()).isZero();
        assertThat(art11.path("periods").findValuesAsText("label"))
                .containsExactly("2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4");
        assertThat(art11.path("periods").findValuesAsText("status")).containsOnly("MET");
        List<Long> counted = new ArrayList<>();
        art11.path("periods").forEach(p -> counted.addAll(longs(p.path("sequences"))));
        assertThat(counted).containsExactlyElementsOf(sequences);
    }

    @Test
    @DisplayName("一票否决: a one-veto in 2018 → the review on 2019-03-01 is not eligible, citing the one-veto's sequence")
    void aOneVetoIn2018_makesTheReviewOn20190301NotEligible_citingTheOneVetosSequence() {
        cityAndCounty("S3");
        ledger.official("s3-k-sec", "王书记");
        ledger.appoint("s3-k-sec", "S3-K-SEC", "S3-K", "PARTY_SECRETARY", of(2016, 1, 1));
        countySecretaryDutiesDone("s3-k-sec", "S3-K-SEC");
        JsonNode clean = ledger.review("s3-k-sec", of(2019, 3, 1));
        assertThat(clean.path("eligible").asBoolean()).as("%s", clean).isTrue();
        assertThat(clean.path("flags")).isEmpty();

        long veto = ledger.oneVeto("s3-k-sec", 2018, "PRINCIPAL", of(2018, 11, 20));

        JsonNode review = ledger.review("s3-k-sec", of(2019, 3, 1));
        assertThat(review.path("eligible").asBoolean()).isFalse();
        assertThat(review.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(review.path("flags")).hasSize(1);
        JsonNode flag = review.path("flags").get(0);
        assertThat(flag.path("code").asText()).isEqualTo("ONE_VETO");
        assertThat(flag.path("blocking").asBoolean()).isTrue();
        assertThat(longs(flag.path("sequences"))).containsExactly(veto);
        assertThat(flag.path("article").asText()).isEqualTo("001; 002");
        assertThat(flag.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(flag.path("message").asText()).contains("2018年度被一票否决").contains("One-veto for 2018");
        assertThat(codes(ledger.review("s3-k-sec", of(2020, 3, 1)).path("flags"))).doesNotContain("ONE_VETO");

        JsonNode vetoes = ledger.dossier("s3-k-sec", veto).path("oneVetoes");
        assertThat(vetoes).hasSize(1);
        assertThat(vetoes.get(0).path("sequence").asLong()).isEqualTo(veto);
        assertThat(vetoes.get(0).path("year").asInt()).isEqualTo(2018);
        assertThat(vetoes.get(0).path("capacity").asText()).isEqualTo("PRINCIPAL");
    }

    @Test
    @DisplayName("a review for a promotion date still ahead, and a dossier as of it, judge no period that has not ended")
    void aReviewForADateStillAhead_andADossierAsOfIt_judgeOnlyThePeriodsThatHaveEnded() {
        clock.travelTo(of(2016, 1, 5), ZONE);
        cityAndCounty("S7");
        ledger.official("s7-k-sec", "王书记");
        ledger.appoint("s7-k-sec", "S7-K-SEC", "S7-K", "PARTY_SECRETARY", of(2016, 1, 1));
        clock.travelTo(of(2019, 3, 1), ZONE);
        countySecretaryDutiesDone("s7-k-sec", "S7-K-SEC");

        // today is 2019-03-01: March and the second quarter are still to come
        JsonNode review = ledger.review("s7-k-sec", of(2019, 9, 1));
        assertThat(review.path("flags")).as("%s", review).isEmpty();
        assertThat(review.path("eligible").asBoolean()).isTrue();

        JsonNode ahead = ledger.dossierAsOf("s7-k-sec", "2019-12-31");
        assertThat(ahead.path("asOf").asText()).isEqualTo("2019-12-31");
        assertThat(ahead.path("viewDate").asText()).as("a view cannot look past today").isEqualTo("2019-03-01");
        JsonNode duties = duties(ahead, "S7-K-SEC");
        assertThat(period(duties, "ART11_COUNTY_TOWNSHIP_PRINCIPALS", "2019-02").path("status").asText())
                .isEqualTo("MET");
        assertThat(period(duties, "ART11_COUNTY_TOWNSHIP_PRINCIPALS", "2019-03").path("status").asText())
                .isEqualTo("IN_PROGRESS");
        assertThat(duties.findValuesAsText("label")).doesNotContain("2019-04", "2019-Q2");
        List<String> notEnded = new ArrayList<>();
        duties.forEach(p -> {
            if (!LocalDate.parse(p.path("end").asText()).isBefore(of(2019, 3, 1))) {
                notEnded.add(p.path("label").asText() + " " + p.path("status").asText());
            }
        });
        assertThat(notEnded).containsExactlyInAnyOrder("2019-Q1 IN_PROGRESS", "2019-03 IN_PROGRESS",
                                                       "2019 NOT_RECORDABLE");
    }

    @Test
    @DisplayName("连续两年不合格 (000): UNQUALIFIED in 2017 and 2018 → the review says the post must be adjusted")
    void unqualifiedIn2017And2018_theReviewFlagsThatThePostMustBeAdjusted() {
        cityAndCounty("S4");
        ledger.official("s4-k-sec", "王书记");
        ledger.appoint("s4-k-sec", "S4-K-SEC", "S4-K", "PARTY_SECRETARY", of(2016, 1, 1));
        countySecretaryDutiesDone("s4-k-sec", "S4-K-SEC");
        long y2017 = ledger.assessment("s4-k-sec", 2017, "UNQUALIFIED", of(2018, 1, 20));
        long y2018 = ledger.assessment("s4-k-sec", 2018, "UNQUALIFIED", of(2019, 1, 20));

        JsonNode review = ledger.review("s4-k-sec", of(2019, 3, 1));

        assertThat(review.path("eligible").asBoolean()).isFalse();
        assertThat(codes(review.path("flags")))
                .containsExactlyInAnyOrder("UNQUALIFIED_ASSESSMENT", "UNQUALIFIED_ASSESSMENT", "POST_MUST_BE_ADJUSTED");
        JsonNode adjust = only(review.path("flags"), "code", "POST_MUST_BE_ADJUSTED");
        assertThat(adjust.path("blocking").asBoolean()).isTrue();
        assertThat(longs(adjust.path("sequences"))).containsExactly(y2017, y2018);
        assertThat(adjust.path("article").asText()).isEqualTo("000");
        assertThat(adjust.path("ruleSet").asText()).isEqualTo(QHD);
        assertThat(adjust.path("message").asText()).contains("应当调整其主要负责人工作岗位").contains("must be adjusted")
                                                   .contains("2017、2018");
        List<List<Long>> unqualified = new ArrayList<>();
        review.path("flags").forEach(flag -> {
            if (flag.path("code").asText().equals("UNQUALIFIED_ASSESSMENT")) {
                assertThat(flag.path("article").asText()).isEqualTo("003 Art. 18");
                unqualified.add(longs(flag.path("sequences")));
            }
        });
        assertThat(unqualified).containsExactly(List.of(y2017), List.of(y2018));

        JsonNode assessments = ledger.dossier("s4-k-sec", y2018).path("assessments");
        assertThat(assessments.findValuesAsText("grade")).containsExactly("UNQUALIFIED", "UNQUALIFIED");
        assertThat(assessments.findValuesAsText("awardEligible")).containsExactly("false", "false");
        assertThat(assessments.findValuesAsText("ruleSet")).containsExactly(QHD, QHD);
        assertThat(assessments.findValuesAsText("article")).containsExactly("003 Art. 18", "003 Art. 18");
    }

    @Test
    @DisplayName("村里2017-06-15的事件：村两委、镇、县、市当日的负责人，无论后来提拔或退休；2021年的终身追责在其档案中")
    void anIncidentInAVillage_isTracedToThatDaysPrincipals_andALifetimeCaseOpenedIn2021_isInTheRetiredHeadsRecord() {
        clock.travelTo(of(2016, 1, 10), ZONE);
        ledger.place("S5-C", "秦皇岛市", "CITY", null, of(2000, 1, 1));
        ledger.place("S5-K", "青龙县", "COUNTY", "S5-C", of(2000, 1, 1));
        ledger.place("S5-T", "肖营子镇", "TOWNSHIP", "S5-K", of(2000, 1, 1));
        ledger.place("S5-T2", "木头凳镇", "TOWNSHIP", "S5-K", of(2000, 1, 1));
        ledger.place("S5-V", "东山村", "VILLAGE", "S5-T", of(2000, 1, 1));
        ledger.place("S5-K2", "卢龙县", "COUNTY", "S5-C", of(2000, 1, 1));
        post("s5-v-sec", "村书记甲", "S5-V-SEC", "S5-V", "VILLAGE_SECRETARY", of(2015, 3, 1));
        post("s5-v-dir", "村主任乙", "S5-V-DIR", "S5-V", "VILLAGE_DIRECTOR", of(2015, 3, 1));
        post("s5-t-sec", "镇书记丙", "S5-T-SEC", "S5-T", "PARTY_SECRETARY", of(2016, 1, 1));
        post("s5-t-head", "镇长丁", "S5-T-HEAD", "S5-T", "GOVERNMENT_HEAD", of(2014, 6, 1));
        post("s5-t-dep", "副镇长戊", "S5-T-DEP", "S5-T", "DEPUTY_IN_CHARGE", of(2016, 1, 1));
        post("s5-k-sec", "县委书记己", "S5-K-SEC", "S5-K", "PARTY_SECRETARY", of(2015, 1, 1));
        post("s5-k-head", "县长庚", "S5-K-HEAD", "S5-K", "GOVERNMENT_HEAD", of(2016, 1, 1));
        post("s5-c-sec", "市委书记辛", "S5-C-SEC", "S5-C", "PARTY_SECRETARY", of(2013, 1, 1));
        post("s5-c-mayor", "市长壬", "S5-C-MAYOR", "S5-C", "GOVERNMENT_HEAD", of(2015, 1, 1));
        // not responsible for the village on that day: another township, another county, a secretary who had left
        post("s5-t2-sec", "他镇书记", "S5-T2-SEC", "S5-T2", "PARTY_SECRETARY", of(2016, 1, 1));
        post("s5-k2-sec", "他县书记", "S5-K2-SEC", "S5-K2", "PARTY_SECRETARY", of(2016, 1, 1));
        post("s5-v-old", "前任村书记", "S5-V-SEC-OLD", "S5-V", "VILLAGE_SECRETARY", of(2010, 1, 1));
        ledger.leave("s5-v-old", "S5-V-SEC-OLD", of(2015, 2, 28), "RETIREMENT");

        clock.travelTo(of(2018, 3, 1), ZONE);
        ledger.leave("s5-k-sec", "S5-K-SEC", of(2018, 2, 28), "PROMOTION");
        ledger.appoint("s5-k-sec", "S5-C-DEP", "S5-C", "DEPUTY_IN_CHARGE", of(2018, 3, 1));
        post("s5-k-sec-2", "新县委书记", "S5-K-SEC", "S5-K", "PARTY_SECRETARY", of(2018, 3, 1));
        clock.travelTo(of(2019, 7, 1), ZONE);
        long retired = ledger.leave("s5-t-head", "S5-T-HEAD", of(2019, 6, 30), "RETIREMENT");
        clock.travelTo(of(2020, 1, 2), ZONE);
        ledger.move("S5-V", "S5-T2", of(2020, 1, 1));
        clock.travelTo(of(2021, 4, 8), ZONE);
        long opened = ledger.lifetime("s5-t-head", "ZS-2021-007", "S5-T-HEAD", of(2017, 6, 15), of(2021, 4, 8));
        clock.backToNow();
        ledger.awaitViewsCaughtUp();

        JsonNode responsible = ledger.responsible("S5-V", of(2017, 6, 15));
        List<String> rows = new ArrayList<>();
        responsible.forEach(r -> rows.add(String.join(" ", r.path("officialId").asText(), r.path("postId").asText(),
                r.path("role").asText(), r.path("responsibilityKind").asText(), r.path("viaJurisdictionCode").asText(),
                r.path("viaLevel").asText())));
        assertThat(rows).containsExactly(
                "s5-v-sec S5-V-SEC VILLAGE_SECRETARY OVERALL S5-V VILLAGE",
                "s5-v-dir S5-V-DIR VILLAGE_DIRECTOR OVERALL S5-V VILLAGE",
                "s5-t-sec S5-T-SEC PARTY_SECRETARY OVERALL S5-T TOWNSHIP",
                "s5-t-head S5-T-HEAD GOVERNMENT_HEAD OVERALL S5-T TOWNSHIP",
                "s5-t-dep S5-T-DEP DEPUTY_IN_CHARGE IN_CHARGE S5-T TOWNSHIP",
                "s5-k-sec S5-K-SEC PARTY_SECRETARY OVERALL S5-K COUNTY",
                "s5-k-head S5-K-HEAD GOVERNMENT_HEAD OVERALL S5-K COUNTY",
                "s5-c-sec S5-C-SEC PARTY_SECRETARY OVERALL S5-C CITY",
                "s5-c-mayor S5-C-MAYOR GOVERNMENT_HEAD OVERALL S5-C CITY");
        JsonNode townshipHead = only(responsible, "officialId", "s5-t-head");
        assertThat(townshipHead.path("name").asText()).isEqualTo("镇长丁");
        assertThat(townshipHead.path("tenureFrom").asText()).isEqualTo("2014-06-01");
        assertThat(townshipHead.path("tenureTo").asText()).as("retired since").isEqualTo("2019-06-30");
        assertThat(only(responsible, "officialId", "s5-k-sec").path("tenureTo").asText()).as("promoted since")
                .isEqualTo("2018-02-28");
        assertThat(ledger.responsible("S5-V", of(2020, 6, 1)).findValuesAsText("officialId"))
                .as("after the village moved, the same question for a later day follows the new tree")
                .contains("s5-t2-sec", "s5-k-sec-2", "s5-k-sec").doesNotContain("s5-t-sec", "s5-t-head");

        JsonNode record = ledger.api.get("discipline", "/api/v1/officials/s5-t-head/entries").expect(200).json();
        JsonNode entry = record.get(record.size() - 1);
        assertThat(entry.path("sequence").asLong()).isEqualTo(opened);
        assertThat(entry.path("type").asText()).isEqualTo("LIFETIME_ACCOUNTABILITY_OPENED");
        assertThat(entry.path("payload").toString()).contains("ZS-2021-007").contains("2017-06-15");

        JsonNode dossier = ledger.dossier("s5-t-head", opened);
        assertThat(dossier.path("lifetimeCases")).hasSize(1);
        JsonNode lifetime = dossier.path("lifetimeCases").get(0);
        assertThat(lifetime.path("sequence").asLong()).isEqualTo(opened);
        assertThat(lifetime.path("caseId").asText()).isEqualTo("ZS-2021-007");
        assertThat(lifetime.path("postId").asText()).isEqualTo("S5-T-HEAD");
        assertThat(lifetime.path("damageOccurredOn").asText()).isEqualTo("2017-06-15");
        assertThat(lifetime.path("openedOn").asText()).isEqualTo("2021-04-08");
        assertThat(lifetime.path("open").asBoolean()).isTrue();
        JsonNode tenure = dossier.path("posts").get(0).path("tenures").get(0);
        assertThat(tenure.path("to").asText()).isEqualTo("2019-06-30");
        assertThat(tenure.path("leftSequence").asLong()).isEqualTo(retired);
        assertThat(tenure.path("leavingReason").asText()).isEqualTo("RETIREMENT");
        assertThat(tenure.path("lifetimeCaseIds").toString()).isEqualTo("[\"ZS-2021-007\"]");
        assertThat(ledger.dossierAsOf("s5-t-head", "2020-12-31").path("lifetimeCases"))
                .as("opened in 2021: not in the record as it stood at the end of 2020").isEmpty();
        JsonNode review = ledger.review("s5-t-head", of(2021, 5, 1));
        JsonNode open = only(review.path("flags"), "code", "OPEN_LIFETIME_CASE");
        assertThat(longs(open.path("sequences"))).containsExactly(opened);
        assertThat(open.path("article").asText()).isEqualTo("002");
    }

    void post(String id, String name, String postId, String place, String role, LocalDate from) {
        ledger.official(id, name);
        ledger.appoint(id, postId, place, role, from);
    }

    @Test
    @DisplayName("更正: a correction recorded in 2020 of a 2018 assessment changes today's view of 2018, not the view as of 2019-12-31")
    void aCorrectionRecordedIn2020_ofA2018Assessment_changesTodaysView_butNotTheViewAsOf20191231() {
        clock.travelTo(of(2016, 1, 5), ZONE);
        cityAndCounty("S6");
        ledger.official("s6-k-head", "李县长");
        ledger.appoint("s6-k-head", "S6-K-HEAD", "S6-K", "GOVERNMENT_HEAD", of(2016, 1, 1));
        clock.travelTo(of(2019, 1, 15), ZONE);
        long assessment = ledger.assessment("s6-k-head", 2018, "QUALIFIED", of(2019, 1, 15));
        clock.travelTo(of(2020, 3, 2), ZONE);
        ObjectNode replacement = object().put("year", 2018).put("grade", "UNQUALIFIED").put("occurredOn", "2019-01-15");
        replacement.putArray("conditions").add(6);
        long correction = ledger.correct("organization", "s6-k-head", assessment, replacement, of(2020, 3, 2));
        clock.backToNow();

        JsonNode now = ledger.dossier("s6-k-head", correction);
        assertThat(now.path("assessments")).hasSize(1);
        JsonNode corrected = now.path("assessments").get(0);
        assertThat(corrected.path("sequence").asLong()).isEqualTo(assessment);
        assertThat(corrected.path("year").asInt()).isEqualTo(2018);
        assertThat(corrected.path("grade").asText()).isEqualTo("UNQUALIFIED");
        assertThat(longs(corrected.path("conditions"))).containsExactly(6L);
        assertThat(corrected.path("awardEligible").asBoolean()).isFalse();
        assertThat(longs(corrected.path("correctedBy"))).containsExactly(correction);
        assertThat(now.path("corrections")).hasSize(1);
        JsonNode entry = now.path("corrections").get(0);
        assertThat(entry.path("sequence").asLong()).isEqualTo(correction);
        assertThat(entry.path("correctsSequence").asLong()).isEqualTo(assessment);
        assertThat(entry.path("reason").asText()).isEqualTo("录入错误");
        assertThat(entry.path("approvedBy").asText()).isEqualTo("市委组织部部务会");
        assertThat(entry.path("inForce").asBoolean()).isTrue();
        assertThat(now.path("asOf").isNull()).isTrue();

        JsonNode then = ledger.dossierAsOf("s6-k-head", "2019-12-31");
        assertThat(then.path("asOf").asText()).isEqualTo("2019-12-31");
        assertThat(then.path("headSequence").asLong()).isEqualTo(assessment);
        assertThat(then.path("assessments")).hasSize(1);
        JsonNode asRecorded = then.path("assessments").get(0);
        assertThat(asRecorded.path("grade").asText()).isEqualTo("QUALIFIED");
        assertThat(asRecorded.path("conditions")).isEmpty();
        assertThat(asRecorded.path("awardEligible").asBoolean()).isTrue();
        assertThat(asRecorded.path("correctedBy")).isEmpty();
        assertThat(then.path("corrections")).isEmpty();
        assertThat(then.path("headHash").isNull()).as("not the head of the chain now").isTrue();

        assertThat(codes(ledger.review("s6-k-head", of(2019, 12, 31)).path("flags")))
                .doesNotContain("UNQUALIFIED_ASSESSMENT");
        assertThat(codes(ledger.review("s6-k-head", of(2020, 3, 2)).path("flags")))
                .contains("UNQUALIFIED_ASSESSMENT");
    }
}
