package org.ecoledger.api.views;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.views.HttpLedger.duties;
import static org.ecoledger.api.views.HttpLedger.only;
import static org.ecoledger.api.views.HttpLedger.period;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.TravellingClock;
import org.ecoledger.api.http.Api;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule set version posted over HTTP takes effect in the views: from its {@code effectiveFrom} on, never before;
 * at once on the node that stored it and within a second on another node of the same store; not in a view as of a
 * moment before it was posted. The version is a city's revision of QHD-2018 that asks the county party standing
 * committee to study eco-environment work every month (003 Art. 10 asks it quarterly): a county party secretary who
 * held two of the three monthly meetings of 2019-Q2 then shows the missed month against Art. 10.
 */
class RuleSetsOverHttpTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String RULE = "ART10_COUNTY_STANDING_COMMITTEE";

    @TempDir
    Path dataDir;

    @TempDir
    Path secondDir;

    /** QHD-2018 version 2, in force from 2019-01-01: the county standing committee monthly. */
    static ObjectNode version2() {
        ObjectNode body = Api.ruleSet("QHD-2018", 2, "2019-01-01")
                .put("description", "秦皇岛市修订：县区委常委会每月至少研究1次生态环境保护工作");
        ObjectNode duty = countyStandingCommittee(body);
        duty.put("period", "MONTH").put("description", "县区委常委会每月至少研究1次生态环境保护工作");
        return body;
    }

    static ObjectNode countyStandingCommittee(ObjectNode ruleSet) {
        JsonNode duties = ruleSet.path("duties");
        for (int i = 0; i < duties.size(); i++) {
            if (duties.get(i).path("code").asText().equals(RULE)) {
                return (ObjectNode) duties.get(i);
            }
        }
        throw new AssertionError("no " + RULE);
    }

    static int indexOfCountyStandingCommittee(JsonNode ruleSet) {
        for (int i = 0; i < ruleSet.path("duties").size(); i++) {
            if (ruleSet.path("duties").get(i).path("code").asText().equals(RULE)) {
                return i;
            }
        }
        throw new AssertionError("no " + RULE);
    }

    static List<String> references(JsonNode listing) {
        List<String> references = new ArrayList<>();
        listing.forEach(version -> references.add(version.path("reference").asText()
                + (version.path("builtIn").asBoolean() ? " built in" : " posted by " + version.path("postedBy")
                        .asText())));
        return references;
    }

    @Test
    @DisplayName("a version posted effective 2019-01-01 judges 2019's periods, on both nodes; 2018 keeps QHD-2018's judgement")
    void aPostedVersion_judgesThePeriodsFromItsEffectiveFrom_onEveryNode_andNeverTheEarlierOnes() {
        TravellingClock clock = new TravellingClock();
        try (RunningLedger nodeA = RunningLedger.start(dataDir, clock)) {
            String storeUri = "mongodb://" + nodeA.bean(EmbeddedMongoStore.class).hostAndPort() + "/ledger";
            try (RunningLedger nodeB = RunningLedger.start(secondDir, "--ledger.mongodb-uri=" + storeUri)) {
                HttpLedger a = new HttpLedger(nodeA);
                HttpLedger b = new HttpLedger(nodeB);
                clock.travelTo(of(2016, 1, 5), ZONE);
                a.place("RS-C", "秦皇岛市", "CITY", null, of(2000, 1, 1));
                a.place("RS-K", "青龙县", "COUNTY", "RS-C", of(2000, 1, 1));
                a.official("rs-k-sec", "王书记");
                a.appoint("rs-k-sec", "RS-K-SEC", "RS-K", "PARTY_SECRETARY", of(2016, 1, 1));
                List<Long> meetings = new ArrayList<>();
                for (int year : new int[] {2018, 2019}) {
                    clock.travelTo(of(year, 7, 1), ZONE);
                    meetings.add(a.meeting("rs-k-sec", "RS-K-SEC", "STANDING_COMMITTEE", of(year, 4, 12)));
                    meetings.add(a.meeting("rs-k-sec", "RS-K-SEC", "STANDING_COMMITTEE", of(year, 6, 20)));
                }
                clock.backToNow();
                long head = meetings.get(3);

                JsonNode beforeOnB = period(duties(b.dossier("rs-k-sec", head), "RS-K-SEC"), RULE, "2019-Q2");
                assertThat(beforeOnB.path("status").asText()).isEqualTo("MET");
                assertThat(beforeOnB.path("ruleSet").asText()).isEqualTo("QHD-2018@1");

                clock.travelTo(of(2020, 6, 1), ZONE);
                JsonNode posted = a.api.post("admin", "/api/v1/rule-sets", version2()).expect(201).json();
                clock.backToNow();
                assertThat(posted.path("reference").asText()).isEqualTo("QHD-2018@2");
                assertThat(posted.path("effectiveFrom").asText()).isEqualTo("2019-01-01");
                assertThat(posted.path("postedAt").asText()).startsWith("2020-06-01T02:00");
                assertThat(posted.path("ruleSet")).isEqualTo(version2());

                // on the node that stored it, from the next request
                JsonNode dossier = a.dossier("rs-k-sec", head);
                JsonNode duties = duties(dossier, "RS-K-SEC");
                JsonNode may = period(duties, RULE, "2019-05");
                assertThat(may.path("status").asText()).isEqualTo("MISSED");
                assertThat(may.path("ruleSet").asText()).isEqualTo("QHD-2018@2");
                assertThat(may.path("article").asText()).isEqualTo("003 Art. 10");
                assertThat(may.path("description").asText()).isEqualTo("县区委常委会每月至少研究1次生态环境保护工作");
                assertThat(may.path("requiredCount").asInt()).isEqualTo(1);
                assertThat(may.path("done").asInt()).isZero();
                assertThat(period(duties, RULE, "2019-04").path("status").asText()).isEqualTo("MET");
                assertThat(period(duties, RULE, "2019-04").path("sequences").get(0).asLong())
                        .isEqualTo(meetings.get(2));
                assertThat(period(duties, RULE, "2019-06").path("status").asText()).isEqualTo("MET");
                JsonNode q2of2018 = period(duties, RULE, "2018-Q2");
                assertThat(q2of2018.path("status").asText()).as("the past is not re-judged").isEqualTo("MET");
                assertThat(q2of2018.path("ruleSet").asText()).isEqualTo("QHD-2018@1");
                assertThat(q2of2018.path("description").asText()).isEqualTo("县区委常委会每季度至少研究1次生态环境保护工作");
                List<String> labels = new ArrayList<>();
                duties.forEach(p -> {
                    if (p.path("ruleCode").asText().equals(RULE)) {
                        labels.add(p.path("label").asText());
                    }
                });
                assertThat(labels).as("quarters to 2018, months from 2019").contains("2018-Q4", "2019-01")
                        .doesNotContain("2018-12", "2019-Q1");
                assertThat(dossier.path("ruleSets").toString()).contains("QHD-2018@1").contains("QHD-2018@2");

                JsonNode asPostedThen = a.dossierAsOf("rs-k-sec", "2020-05-31");
                assertThat(period(duties(asPostedThen, "RS-K-SEC"), RULE, "2019-Q2").path("ruleSet").asText())
                        .as("the dossier as of a day before the post judges as the ledger did then")
                        .isEqualTo("QHD-2018@1");
                assertThat(asPostedThen.path("ruleSets").toString()).isEqualTo("[\"QHD-2018@1\"]");
                assertThat(period(duties(a.dossierAsOf("rs-k-sec", "2020-06-01"), "RS-K-SEC"), RULE, "2019-05")
                                   .path("ruleSet").asText()).isEqualTo("QHD-2018@2");

                a.awaitViewsCaughtUp();
                JsonNode q2 = a.compliance("RS-K", "2019-Q2").path("posts").get(0).path("duties");
                JsonNode monthly = only(q2, "ruleCode", RULE);
                assertThat(monthly.path("ruleSet").asText()).isEqualTo("QHD-2018@2");
                assertThat(monthly.path("judged").asInt()).isEqualTo(3);
                assertThat(monthly.path("missed").asInt()).isEqualTo(1);
                JsonNode quarterly = only(a.compliance("RS-K", "2018-Q2").path("posts").get(0)
                                                          .path("duties"), "ruleCode", RULE);
                assertThat(quarterly.path("ruleSet").asText()).isEqualTo("QHD-2018@1");
                assertThat(quarterly.path("judged").asInt()).isEqualTo(1);
                assertThat(quarterly.path("met").asInt()).isEqualTo(1);

                JsonNode review = a.review("rs-k-sec", of(2020, 1, 2));
                assertThat(review.path("ruleSet").asText()).isEqualTo("QHD-2018@2");
                JsonNode missed = null;
                for (JsonNode flag : review.path("flags")) {
                    if (flag.path("message").asText().contains("(" + RULE + ")")) {
                        missed = flag;
                    }
                }
                assertThat(missed).as("a flag for %s in %s", RULE, review).isNotNull();
                assertThat(missed.path("code").asText()).isEqualTo("DUTY_MINIMUM_MISSED");
                assertThat(missed.path("ruleSet").asText()).isEqualTo("QHD-2018@2");
                assertThat(missed.path("message").asText()).contains("2019-01, 2019-02, 2019-03, 2019-05, 2019-07");

                // on the other node, within its re-check interval
                JsonNode onB = b.await("organization", "/api/v1/officials/rs-k-sec/dossier",
                        view -> view.path("ruleSets").toString().contains("QHD-2018@2"));
                assertThat(period(duties(onB, "RS-K-SEC"), RULE, "2019-05").path("status").asText())
                        .isEqualTo("MISSED");
                assertThat(references(b.api.get("auditor", "/api/v1/rule-sets").expect(200).json()))
                        .containsExactly("QHD-2018@1 built in", "QHD-2018@2 posted by admin");

                // refusals, on either node
                assertThat(b.api.post("admin", "/api/v1/rule-sets", version2()).problem(409, "already-exists")
                                .path("detail").asText()).contains("QHD-2018 version 2");
                assertThat(a.api.post("admin", "/api/v1/rule-sets", Api.ruleSet("QHD-2018", 1, "2016-01-01"))
                                .problem(409, "already-exists").path("detail").asText()).contains("built in");
                int index = indexOfCountyStandingCommittee(version2());
                ObjectNode zero = Api.ruleSet("QHD-2018", 3, "2021-01-01");
                ((ObjectNode) countyStandingCommittee(zero).path("minimum")).put("count", 0);
                JsonNode refused = a.api.post("admin", "/api/v1/rule-sets", zero).problem(400, "malformed-request");
                assertThat(refused.path("errors").get(0).path("field").asText())
                        .isEqualTo("duties[" + index + "].minimum.count");
                assertThat(refused.path("errors").get(0).path("message").asText()).contains("at least 1");
                ObjectNode fraction = Api.ruleSet("QHD-2018", 3, "2021-01-01");
                ((ObjectNode) countyStandingCommittee(fraction).path("minimum")).put("count", 1.5);
                assertThat(b.api.post("admin", "/api/v1/rule-sets", fraction).problem(400, "malformed-request")
                                .path("errors").get(0).path("field").asText())
                        .isEqualTo("duties[" + index + "].minimum.count");
                ObjectNode weekly = Api.ruleSet("QHD-2018", 3, "2021-01-01");
                countyStandingCommittee(weekly).put("period", "WEEK");
                JsonNode week = a.api.post("admin", "/api/v1/rule-sets", weekly).problem(400, "malformed-request");
                assertThat(week.path("errors").get(0).path("field").asText())
                        .isEqualTo("duties[" + index + "].period");
                assertThat(week.path("errors").get(0).path("message").asText())
                        .isEqualTo("must be one of MONTH, QUARTER, HALF_YEAR, YEAR");
                assertThat(references(a.api.get("admin", "/api/v1/rule-sets").expect(200).json()))
                        .as("nothing refused was stored")
                        .containsExactly("QHD-2018@1 built in", "QHD-2018@2 posted by admin");
            }
        }
    }
}
