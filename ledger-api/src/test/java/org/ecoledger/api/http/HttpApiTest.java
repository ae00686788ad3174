package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.CITY;
import static org.ecoledger.api.http.Api.array;
import static org.ecoledger.api.http.Api.object;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.http.security.LedgerRole;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.store.RecordVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The HTTP API end to end: real requests on a random loopback port against the embedded store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiTest {

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir);
        api = new Api(ledger);
        api.city();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static String role(EntryType type, EntryType corrected) {
        return EntryPermissions.appenders(type, corrected).iterator().next().name().toLowerCase();
    }

    private static ObjectNode meeting(String date) {
        return object().put("type", "MEETING_HELD").put("occurredOn", date).put("postId", EntryExamples.POST)
                       .put("body", "STANDING_COMMITTEE").set("topics", array("研究大气污染防治"));
    }

    private static String entries(String officialId) {
        return "/api/v1/officials/" + officialId + "/entries";
    }

    @Nested
    class EveryEntryType {

        @Test
        void oneEntryOfEveryType_isAcceptedEndToEnd_chainedAndReadBackAsStored() {
            JsonNode registration = api.official("story");
            List<JsonNode> receipts = new ArrayList<>();
            receipts.add(registration);
            for (EntryExamples.Example example : EntryExamples.STORY) {
                EntryType corrected = example.type() == EntryType.CORRECTION ? EntryType.MEETING_HELD : null;
                JsonNode receipt = api.post(role(example.type(), corrected), entries("story"), example.body())
                                      .expect(201).json();
                JsonNode previous = receipts.get(receipts.size() - 1);
                assertThat(receipt.path("sequence").asLong()).isEqualTo(receipts.size());
                assertThat(receipt.path("type").asText()).isEqualTo(example.type().name());
                assertThat(receipt.path("prevHash").asText()).isEqualTo(previous.path("hash").asText());
                assertThat(receipt.path("hash").asText()).hasSize(64).isNotEqualTo(receipt.path("prevHash").asText());
                assertThat(receipt.path("entryId").asText()).isNotBlank();
                assertThat(Instant.parse(receipt.path("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
                receipts.add(receipt);
            }
            assertThat(EntryExamples.STORY.stream().map(EntryExamples.Example::type).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(EntryType.values());

            JsonNode stored = api.get("auditor", entries("story")).expect(200).json();
            assertThat(stored).hasSize(receipts.size());
            for (int i = 0; i < receipts.size(); i++) {
                JsonNode entry = stored.get(i);
                assertThat(entry.path("sequence").asLong()).isEqualTo(i);
                assertThat(entry.path("hash").asText()).isEqualTo(receipts.get(i).path("hash").asText());
                assertThat(entry.path("prevHash").asText()).isEqualTo(receipts.get(i).path("prevHash").asText());
                assertThat(entry.path("entryId").asText()).isEqualTo(receipts.get(i).path("entryId").asText());
                assertThat(entry.path("payload").path("recordedBy").asText()).isIn("recorder", "organization",
                                                                                    "discipline");
            }
            assertThat(stored.get(3).path("payload").path("topics").get(0).asText()).isEqualTo("研究大气污染防治");
            assertThat(stored.get(14).path("payload").path("replacement").path("occurredOn").asText())
                    .isEqualTo("2018-02-06");

            JsonNode verification = api.get("auditor", "/api/v1/officials/story/verification").expect(200).json();
            assertThat(verification.path("valid").asBoolean()).isTrue();
            assertThat(verification.path("entries").asLong()).isEqualTo(receipts.size());
            assertThat(verification.path("headHash").asText())
                    .isEqualTo(receipts.get(receipts.size() - 1).path("hash").asText());
            assertThat(verification.path("algorithm").asText()).isEqualTo("SHA-256");
            assertThat(verification.path("firstInvalidSequence").isNull()).isTrue();
            assertThat(verification.path("problem").isNull()).isTrue();
        }

        @Test
        void recordedBy_isTheAuthenticatedUser() {
            api.official("by-whom");
            JsonNode appointed = EntryExamples.of(EntryType.APPOINTED).body();
            api.post("recorder", entries("by-whom"), appointed).expect(201);
            JsonNode stored = api.get("discipline", entries("by-whom")).expect(200).json();
            assertThat(stored.get(1).path("payload").path("recordedBy").asText()).isEqualTo("recorder");
        }
    }

    @Nested
    class Officials {

        @Test
        void register_answers201WithLocation_andASecondTime409() {
            api.post("recorder", "/api/v1/officials", object().put("officialId", "reg-1").put("name", "李四"))
               .expect(201).response().headers().firstValue("Location")
               .ifPresentOrElse(location -> assertThat(location).isEqualTo("/api/v1/officials/reg-1"),
                                () -> { throw new AssertionError("no Location"); });
            api.post("recorder", "/api/v1/officials", object().put("officialId", "reg-1").put("name", "李四"))
               .problem(409, "already-exists");
        }

        @Test
        void register_withoutAName_orWithABadId_is400NamingTheField() {
            assertThat(api.post("recorder", "/api/v1/officials", object().put("officialId", "reg-2"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("name");
            assertThat(api.post("recorder", "/api/v1/officials", object().put("officialId", "a/b").put("name", "x"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("officialId");
            assertThat(api.post("recorder", "/api/v1/officials", object().put("officialId", "reg-3").put("name", "x")
                                                                          .put("recordedBy", "someone"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("recordedBy");
        }

        @Test
        void register_needsCredentials_andTheRightRole() {
            api.post(null, "/api/v1/officials", object().put("officialId", "reg-4").put("name", "x"))
               .problem(401, "unauthenticated");
            api.post("auditor", "/api/v1/officials", object().put("officialId", "reg-4").put("name", "x"))
               .problem(403, "forbidden");
        }
    }

    @Nested
    class Entries {

        @Test
        void aRuleOfTheRecord_isRefused409_withItsRuleCode() {
            api.official("rules");
            JsonNode problem = api.post("recorder", entries("rules"), meeting("2018-02-05"))
                                  .problem(409, "rule-violation");
            assertThat(problem.path("rule").asText()).isEqualTo("POST_NOT_HELD_ON_DATE");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("postId");
            assertThat(api.get("auditor", entries("rules")).expect(200).json()).as("nothing appended").hasSize(1);
        }

        @Test
        void malformedEntries_are400_namingTheField() {
            api.official("malformed");
            String path = entries("malformed");
            assertThat(api.post("recorder", path, object().put("type", "NOT_A_TYPE").put("occurredOn", "2018-01-01"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("type");
            assertThat(api.post("recorder", path, object().put("occurredOn", "2018-01-01")).problem(400,
                    "malformed-request").path("errors").get(0).path("field").asText()).isEqualTo("type");
            assertThat(api.post("recorder", path, meeting("2018-02-05").put("colour", "red"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("colour");
            assertThat(api.post("recorder", path, meeting("2018-02-05").put("postId", 7))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("postId");
            assertThat(api.post("recorder", path, meeting("2018-02-30"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("occurredOn");
            assertThat(api.post("recorder", path, meeting("2018-02-05").put("body", "TEA_PARTY"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("body");
            ObjectNode missing = meeting("2018-02-05");
            missing.remove("postId");
            assertThat(api.post("recorder", path, missing)
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("postId");
            assertThat(api.post("recorder", path, meeting("2018-02-05").put("recordedBy", "me"))
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("recordedBy");
            ObjectNode grassroots = (ObjectNode) EntryExamples.of(EntryType.GRASSROOTS_DAYS_REPORTED).body()
                                                             .put("days", 2.5);
            assertThat(api.post("recorder", path, grassroots)
                          .problem(400, "malformed-request").path("errors").get(0).path("field").asText())
                    .isEqualTo("days");
            api.post("recorder", path, "{\"type\": \"MEETING_HELD\", ").problem(400, "malformed-request");
            api.post("recorder", path, "[1, 2]").problem(400, "malformed-request");
            api.post("recorder", path, "").problem(400, "malformed-request");
        }

        @Test
        void unknownOfficial_is404_forWritingAndReading() {
            api.post("recorder", entries("nobody"), meeting("2018-02-05")).problem(404, "not-found");
            api.get("auditor", entries("nobody")).problem(404, "not-found");
            api.get("auditor", "/api/v1/officials/nobody/verification").problem(404, "not-found");
        }

        @Test
        void aRoleMayAppendOnlyItsTypes() {
            api.official("roles");
            api.post("recorder", entries("roles"), EntryExamples.of(EntryType.ONE_VETO).body())
               .problem(403, "forbidden");
            api.post("organization", entries("roles"), meeting("2018-02-05")).problem(403, "forbidden");
            api.post("discipline", entries("roles"), EntryExamples.of(EntryType.ANNUAL_ASSESSMENT).body())
               .problem(403, "forbidden");
            api.post("organization", entries("roles"), EntryExamples.of(EntryType.ACCOUNTABILITY_REFERRED).body())
               .problem(403, "forbidden");
        }

        @Test
        void http_405_406_415_areProblems() {
            api.official("http");
            api.send("recorder", "DELETE", entries("http"), null, null).problem(405, "method-not-allowed");
            api.send("recorder", "POST", entries("http"), "text/plain", "hello").problem(415,
                                                                                         "unsupported-media-type");
            api.get("auditor", entries("http"), "Accept", "text/csv").problem(406, "not-acceptable");
        }

        @Test
        void asOf_showsOnlyWhatHadBeenRecordedByThen() {
            api.official("asof");
            JsonNode appointed = api.post("recorder", entries("asof"), EntryExamples.of(EntryType.APPOINTED).body())
                                    .expect(201).json();
            api.post("recorder", entries("asof"), meeting("2018-02-05")).expect(201);

            assertThat(api.get("auditor", entries("asof")).expect(200).json()).hasSize(3);
            String instant = appointed.path("recordedAt").asText();
            JsonNode then = api.get("auditor", entries("asof") + "?asOf=" + instant).expect(200).json();
            assertThat(then).hasSize(2);
            assertThat(then.get(1).path("hash").asText()).isEqualTo(appointed.path("hash").asText());
            assertThat(api.get("discipline", entries("asof") + "?asOf=2000-01-01").expect(200).json()).isEmpty();
            assertThat(api.get("discipline", entries("asof") + "?asOf=2999-12-31").expect(200).json()).hasSize(3);
            api.get("auditor", entries("asof") + "?asOf=yesterday").problem(400, "malformed-request");
            api.get("auditor", entries("asof") + "?page=-1").problem(400, "malformed-request");
        }

        @Test
        void paging_answersPagesWithANextLink() {
            api.official("paged");
            api.post("recorder", entries("paged"), EntryExamples.of(EntryType.APPOINTED).body()).expect(201);
            Api.Answer first = api.get("auditor", entries("paged") + "?size=1").expect(200);
            assertThat(first.json()).hasSize(1);
            assertThat(first.header("X-Total-Count")).isEqualTo("2");
            assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
            Api.Answer second = api.get("auditor", entries("paged") + "?size=1&page=1").expect(200);
            assertThat(second.json().get(0).path("sequence").asInt()).isEqualTo(1);
            assertThat(second.header("Link")).isNull();
        }
    }

    @Nested
    class Verification {

        @Test
        void aTamperedRecord_isReportedInvalid_atItsSequence() {
            api.official("tampered");
            api.post("recorder", entries("tampered"), EntryExamples.of(EntryType.APPOINTED).body()).expect(201);
            ledger.bean(com.mongodb.client.MongoDatabase.class).getCollection("events")
                  .updateOne(com.mongodb.client.model.Filters.eq("ak", "official/tampered#1"),
                             com.mongodb.client.model.Updates.set("events.0.payload.role", "GOVERNMENT_HEAD"));
            JsonNode verification = api.get("auditor", "/api/v1/officials/tampered/verification").expect(200).json();
            assertThat(verification.path("valid").asBoolean()).isFalse();
            assertThat(verification.path("firstInvalidSequence").asLong()).isEqualTo(1);
            assertThat(verification.path("problem").asText()).isNotBlank();
            ChainVerification direct = ledger.bean(RecordVerifier.class).verify("official/tampered");
            assertThat(direct.valid()).isFalse();
        }
    }

    @Nested
    class Cases {

        private ObjectNode assign(String caseId) {
            return object().put("caseId", caseId).put("jurisdictionCode", CITY).put("source", "CENTRAL")
                           .put("kind", "PETITION").put("description", "某企业夜间偷排").put("assignedOn", "2017-08-10");
        }

        @Test
        void aCase_isAssigned_thenMovedOneStepAtATime() {
            api.post("recorder", "/api/v1/cases", assign("c-1")).expect(201);
            api.post("recorder", "/api/v1/cases", assign("c-1")).problem(409, "already-exists");
            JsonNode step = api.post("recorder", "/api/v1/cases/c-1/transitions",
                                     object().put("status", "RECTIFYING").put("on", "2017-09-01").put("note", "整改"))
                               .expect(201).json();
            assertThat(step.path("sequence").asLong()).isEqualTo(1);
            JsonNode refused = api.post("recorder", "/api/v1/cases/c-1/transitions",
                                        object().put("status", "CLOSED").put("on", "2017-10-01"))
                                  .problem(409, "rule-violation");
            assertThat(refused.path("rule").asText()).isEqualTo("CASE_TRANSITION_NOT_NEXT_STEP");
            api.post("recorder", "/api/v1/cases/c-404/transitions",
                     object().put("status", "RECTIFYING").put("on", "2017-09-01")).problem(404, "not-found");
            api.post("recorder", "/api/v1/cases", assign("c-2").put("source", "MARS")).problem(400,
                                                                                                "malformed-request");
            api.post("recorder", "/api/v1/cases", assign("c-3").put("jurisdictionCode", "999"))
               .problem(409, "rule-violation");
        }
    }

    @Nested
    class ReferenceData {

        @Test
        void aJurisdiction_isAnsweredAsItStoodOnTheDate() {
            api.post("admin", "/api/v1/jurisdictions", object().put("code", "130302000000").put("name", "海港区")
                    .put("level", "COUNTY").put("parentCode", CITY).put("validFrom", "1990-01-01"))
               .expect(201);
            api.post("admin", "/api/v1/jurisdictions/130302000000/changes", object().put("kind", "RENAMED")
                    .put("on", "2010-06-01").put("name", "海港新区")).expect(201);
            JsonNode before = api.get("recorder", "/api/v1/jurisdictions/130302000000?on=2005-01-01").expect(200)
                                 .json();
            assertThat(before.path("name").asText()).isEqualTo("海港区");
            assertThat(before.path("level").asText()).isEqualTo("COUNTY");
            assertThat(before.path("parentCode").asText()).isEqualTo(CITY);
            assertThat(api.get("auditor", "/api/v1/jurisdictions/130302000000?on=2011-01-01").expect(200).json()
                          .path("name").asText()).isEqualTo("海港新区");
            api.get("auditor", "/api/v1/jurisdictions/130302000000?on=1980-01-01").problem(404, "not-found");
            api.get("auditor", "/api/v1/jurisdictions/130302000000?on=not-a-date").problem(400, "malformed-request");
            api.post("admin", "/api/v1/jurisdictions/999999/changes", object().put("kind", "ABOLISHED")
                    .put("on", "2010-06-01")).problem(404, "not-found");
            api.post("admin", "/api/v1/jurisdictions/130302000000/changes", object().put("kind", "ABOLISHED")
                    .put("on", "2012-06-01").put("intoCode", CITY)).problem(400, "malformed-request");
            api.post("admin", "/api/v1/jurisdictions", object().put("code", "130302001000").put("name", "镇")
                    .put("level", "VILLAGE").put("parentCode", CITY)).problem(409, "rule-violation");
            api.post("recorder", "/api/v1/jurisdictions", object().put("code", "x").put("name", "x")
                    .put("level", "CITY")).problem(403, "forbidden");
        }

        @Test
        void aDepartment_isRegisteredInAJurisdictionThatExisted() {
            api.post("admin", "/api/v1/departments", object().put("code", "130300-eco").put("name", "生态环境局")
                    .put("jurisdictionCode", CITY).put("validFrom", "2000-01-01")).expect(201);
            JsonNode refused = api.post("admin", "/api/v1/departments", object().put("code", "130300-x")
                    .put("name", "x").put("jurisdictionCode", CITY).put("validFrom", "1970-01-01"))
                                  .problem(409, "rule-violation");
            assertThat(refused.path("rule").asText()).isEqualTo("JURISDICTION_NOT_IN_EXISTENCE");
        }

        @Test
        void ruleSets_areCheckedAsRuleSets_storedAsPosted_andListedWithTheBuiltInOnes() {
            ObjectNode ruleSet = Api.ruleSet("HTTP-TEST", 1, "2099-01-01");
            JsonNode stored = api.post("admin", "/api/v1/rule-sets", ruleSet).expect(201).json();
            assertThat(stored.path("postedBy").asText()).isEqualTo("admin");
            assertThat(stored.path("reference").asText()).isEqualTo("HTTP-TEST@1");
            assertThat(stored.path("builtIn").asBoolean()).isFalse();
            assertThat(stored.path("ruleSet")).isEqualTo(ruleSet);
            api.post("admin", "/api/v1/rule-sets", ruleSet).problem(409, "already-exists");
            assertThat(api.post("admin", "/api/v1/rule-sets", Api.ruleSet("QHD-2018", 1, "2016-01-01"))
                          .problem(409, "already-exists").path("detail").asText()).contains("built in");
            assertThat(api.post("admin", "/api/v1/rule-sets", Api.ruleSet("HTTP-TEST", 2, "2099-01-01")
                    .without("version")).problem(400, "malformed-request").path("errors").get(0).path("field")
                          .asText()).isEqualTo("version");
            assertThat(api.post("admin", "/api/v1/rule-sets", Api.ruleSet("HTTP-TEST", 2, "soon"))
                          .problem(400, "malformed-request").path("errors").get(0).path("message").asText())
                    .isEqualTo("must be a date, YYYY-MM-DD");
            api.post("admin", "/api/v1/rule-sets", "[1]").problem(400, "malformed-request");

            JsonNode all = api.get("organization", "/api/v1/rule-sets").expect(200).json();
            assertThat(all.findValuesAsText("reference")).containsExactly("HTTP-TEST@1", "QHD-2018@1");
            JsonNode builtIn = all.get(1);
            assertThat(builtIn.path("builtIn").asBoolean()).isTrue();
            assertThat(builtIn.path("effectiveFrom").asText()).isEqualTo("2016-01-01");
            assertThat(builtIn.path("postedBy").isNull()).isTrue();
            assertThat(builtIn.path("ruleSet").path("duties").size()).isEqualTo(12);
            assertThat(all.get(0).path("ruleSet")).isEqualTo(ruleSet);
            assertThat(all.get(0).path("problem").isNull()).isTrue();
            api.post("recorder", "/api/v1/rule-sets", ruleSet).problem(403, "forbidden");
        }
    }

    @Nested
    class OpenApi {

        @Test
        void theDescription_coversEveryPath_withAnExamplePerEntryType_problemsAndSecurity() {
            JsonNode docs = api.get(null, "/v3/api-docs").expect(200).json();
            Set<String> paths = new java.util.TreeSet<>();
            docs.path("paths").fieldNames().forEachRemaining(paths::add);
            assertThat(paths).contains("/api/v1/officials", "/api/v1/officials/{officialId}/entries",
                                       "/api/v1/officials/{officialId}/verification", "/api/v1/cases",
                                       "/api/v1/cases/{caseId}/transitions", "/api/v1/jurisdictions",
                                       "/api/v1/jurisdictions/{code}", "/api/v1/jurisdictions/{code}/changes",
                                       "/api/v1/departments", "/api/v1/rule-sets", "/api/v1/access-log");
            JsonNode examples = docs.path("paths").path("/api/v1/officials/{officialId}/entries").path("post")
                                    .path("requestBody").path("content").path("application/json").path("examples");
            for (EntryType type : EntryType.values()) {
                assertThat(examples.path(type.name()).path("value").path("type").asText()).isEqualTo(type.name());
            }
            assertThat(docs.path("components").path("schemas").path("Problem").path("properties").has("errors"))
                    .isTrue();
            assertThat(docs.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                    .isEqualTo("basic");
            assertThat(docs.path("paths").path("/api/v1/officials").path("post").path("responses").path("409")
                           .path("content").has("application/problem+json")).isTrue();
            api.get(null, "/swagger-ui/index.html").expect(200);
        }
    }

    @Test
    void everyRoleHasADemoUser_andOnlyTheRightPasswordWorks() {
        for (LedgerRole role : LedgerRole.values()) {
            assertThat(api.get(role.name().toLowerCase(), "/api/v1/rule-sets").status()).isEqualTo(200);
        }
        api.send(null, "GET", "/api/v1/rule-sets", null, null, "Authorization",
                 "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes()))
           .problem(401, "unauthenticated");
    }
}
