package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.array;
import static org.ecoledger.api.http.Api.object;

import java.nio.file.Path;
import java.util.List;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.limits.RequestLimits;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Limits, field values as data, and the access log, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestHandlingTest {

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir);
        api = new Api(ledger);
        api.city();
        api.official("o");
        api.post("recorder", "/api/v1/officials/o/entries", EntryExamples.of(EntryType.APPOINTED).body()).expect(201);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static ObjectNode meeting(ArrayNode topics) {
        ObjectNode body = object().put("type", "MEETING_HELD").put("occurredOn", "2018-02-05")
                                  .put("postId", EntryExamples.POST).put("body", "STANDING_COMMITTEE");
        body.set("topics", topics);
        return body;
    }

    @Nested
    class Limits {

        @Test
        void aStringOfMaxLength_isAccepted_oneMore_is400NamingTheLimit() {
            String longest = "x".repeat(RequestLimits.MAX_STRING_LENGTH);
            api.post("recorder", "/api/v1/officials/o/entries", meeting(array(longest))).expect(201);
            JsonNode problem = api.post("recorder", "/api/v1/officials/o/entries", meeting(array(longest + "x")))
                                  .problem(400, "limit-exceeded");
            assertThat(problem.path("limit").asText()).isEqualTo("MAX_STRING_LENGTH");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("topics[0]");
        }

        @Test
        void anArrayOverTheLimit_is400NamingTheLimit() {
            ArrayNode topics = array();
            for (int i = 0; i <= RequestLimits.MAX_ARRAY_ITEMS; i++) {
                topics.add("议题 " + i);
            }
            JsonNode problem = api.post("recorder", "/api/v1/officials/o/entries", meeting(topics))
                                  .problem(400, "limit-exceeded");
            assertThat(problem.path("limit").asText()).isEqualTo("MAX_ARRAY_ITEMS");
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("topics");
        }

        @Test
        void aBodyOverTheLimit_is413_announcedOrStreamed() {
            String big = "{\"officialId\":\"big\",\"name\":\"" + "x".repeat(RequestLimits.MAX_BODY_BYTES) + "\"}";
            JsonNode problem = api.post("recorder", "/api/v1/officials", big).problem(413, "payload-too-large");
            assertThat(problem.path("limit").asText()).isEqualTo("MAX_BODY_BYTES");
            api.postStreamed("recorder", "/api/v1/officials", big).problem(413, "payload-too-large");
            assertThat(api.postStreamed("recorder", "/api/v1/officials",
                                        "{\"officialId\":\"streamed\",\"name\":\"x\"}").status()).isEqualTo(201);
        }

        @Test
        void aPageOverTheLimit_aLongParameter_andALongPurpose_are400() {
            assertThat(api.get("auditor", "/api/v1/officials/o/entries?size=" + (RequestLimits.MAX_PAGE_SIZE + 1))
                          .problem(400, "limit-exceeded").path("limit").asText()).isEqualTo("MAX_PAGE_SIZE");
            api.get("auditor", "/api/v1/officials/o/entries?size=" + RequestLimits.MAX_PAGE_SIZE).expect(200);
            assertThat(api.get("auditor", "/api/v1/officials/o/entries?asOf="
                                       + "9".repeat(RequestLimits.MAX_STRING_LENGTH + 1))
                          .problem(400, "limit-exceeded").path("limit").asText()).isEqualTo("MAX_STRING_LENGTH");
            api.get("auditor", "/api/v1/officials/o/entries", "X-Purpose",
                    "x".repeat(RequestLimits.MAX_STRING_LENGTH + 1)).problem(400, "limit-exceeded");
        }
    }

    @Nested
    class FieldValuesAreData {

        static final List<String> INJECTIONS = List.of("{\"$gt\": \"\"}", "$where", "<script>alert(1)</script>",
                                                       "'; db.events.drop(); '", "$ne", "{$regex: '.*'}");

        @Test
        void operatorsAndMarkup_areStoredAndReturnedVerbatim() {
            api.official("$where");
            api.post("recorder", "/api/v1/officials/$where/entries", EntryExamples.of(EntryType.APPOINTED).body())
               .expect(201);
            ArrayNode topics = array(INJECTIONS.toArray(String[]::new));
            JsonNode receipt = api.post("recorder", "/api/v1/officials/$where/entries", meeting(topics)).expect(201)
                                  .json();
            JsonNode stored = api.get("auditor", "/api/v1/officials/$where/entries").expect(200).json();
            JsonNode meeting = stored.get((int) receipt.path("sequence").asLong());
            assertThat(meeting.path("payload").path("topics")).isEqualTo(topics);
            assertThat(meeting.path("payload").path("officialId").asText()).isEqualTo("$where");
            assertThat(api.get("auditor", "/api/v1/officials/$where/verification").expect(200).json()
                          .path("valid").asBoolean()).isTrue();
            assertThat(stored.findValuesAsText("aggregateId")).containsOnly("official/$where");
            assertThat(api.get("auditor", "/api/v1/officials/o/entries").expect(200).json()
                          .findValuesAsText("aggregateId"))
                    .as("an id that looks like an operator matches nothing else").containsOnly("official/o");
        }

        @Test
        void anOperatorObject_whereAStringBelongs_is400_notAQuery() {
            ObjectNode body = object().put("officialId", "inj-1");
            body.putObject("name").put("$gt", "");
            assertThat(api.post("recorder", "/api/v1/officials", body).problem(400, "malformed-request")
                          .path("errors").get(0).path("field").asText()).isEqualTo("name");
            api.get("discipline", "/api/v1/access-log?officialId={\"$gt\":\"\"}".replace("{", "%7B")
                                                                                 .replace("}", "%7D")
                                                                                 .replace("\"", "%22"))
               .expect(200);
        }

        @Test
        void operatorTextInARuleSet_andAnOperatorIdempotencyKey_areData_andAnOperatorKeyIsNotAField() {
            ObjectNode ruleSet = Api.ruleSet("INJ", 1, "2099-01-01")
                    .put("description", "{\"$where\": \"sleep(1000)\"} <b>bold</b>");
            api.post("admin", "/api/v1/rule-sets", ruleSet, "Idempotency-Key", "{\"$ne\":null}").expect(201);
            JsonNode all = api.get("admin", "/api/v1/rule-sets").expect(200).json();
            assertThat(all.findParents("id").stream().filter(node -> node.path("id").asText().equals("INJ"))
                          .findFirst().orElseThrow().path("ruleSet")).isEqualTo(ruleSet);
            ObjectNode another = ruleSet.deepCopy().put("version", 2);
            api.post("admin", "/api/v1/rule-sets", another, "Idempotency-Key", "{\"$gt\":\"\"}").expect(201);
            ObjectNode operatorKey = ruleSet.deepCopy().put("version", 3);
            ((ObjectNode) operatorKey.get("consequences")).put("$where", "sleep(1000)");
            assertThat(api.post("admin", "/api/v1/rule-sets", operatorKey).problem(400, "malformed-request")
                          .path("errors").get(0).path("field").asText()).isEqualTo("consequences.$where");
        }
    }

    @Nested
    class AccessLog {

        @Test
        void everyReadOfARecord_appearsInItsAccessLog_chained() {
            api.official("read-me");
            String purpose = "提拔任用审查 2019";
            String encoded = java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8)
                                                .replace("+", "%20");
            api.get("auditor", "/api/v1/officials/read-me/entries", "X-Purpose", encoded).expect(200);
            api.get("discipline", "/api/v1/officials/read-me/entries?asOf=2018-05-01").expect(200);
            api.get("auditor", "/api/v1/officials/read-me/verification").expect(200);
            api.get("auditor", "/api/v1/officials/nobody-here/entries").expect(404);

            JsonNode log = api.get("discipline", "/api/v1/access-log?officialId=read-me").expect(200).json();
            assertThat(log).hasSize(3);
            assertThat(log.get(0).path("who").asText()).isEqualTo("auditor");
            assertThat(log.get(0).path("what").asText()).isEqualTo("entries");
            assertThat(log.get(0).path("purpose").asText()).isEqualTo(purpose);
            assertThat(log.get(0).path("officialId").asText()).isEqualTo("read-me");
            assertThat(log.get(0).path("when").asText()).isNotBlank();
            assertThat(log.get(1).path("who").asText()).isEqualTo("discipline");
            assertThat(log.get(1).path("what").asText()).isEqualTo("entries?asOf=2018-05-01");
            assertThat(log.get(1).path("purpose").isNull()).isTrue();
            assertThat(log.get(2).path("what").asText()).isEqualTo("verification");
            assertThat(log.get(1).path("prevHash").asText()).isEqualTo(log.get(0).path("hash").asText());
            ChainVerification chain = ledger.bean(RecordVerifier.class).verify("access/read-me");
            assertThat(chain.valid()).isTrue();
            assertThat(chain.entries()).isEqualTo(3);

            assertThat(api.get("admin", "/api/v1/access-log?officialId=nobody-here").expect(200).json()).isEmpty();
            api.get("admin", "/api/v1/access-log").problem(400, "malformed-request");
            api.get("auditor", "/api/v1/access-log?officialId=read-me").problem(403, "forbidden");
            assertThat(api.get("admin", "/api/v1/access-log?officialId=read-me").expect(200).json())
                    .as("reading the access log is not itself a read of the record").hasSize(3);
        }
    }
}
