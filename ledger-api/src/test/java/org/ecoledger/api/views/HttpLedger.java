package org.ecoledger.api.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.object;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The scenarios' world written through the HTTP API as the roles API.md names — ADMIN registers places, RECORDER
 * records posts, meetings and inspections, ORGANIZATION assessments and one-vetoes, DISCIPLINE lifetime cases — and
 * the views read back over HTTP. The HTTP counterpart of the projections' {@code TestLedger}. Every write returns the
 * entry's sequence in its record; the views are eventually consistent, so reads wait (bounded) until the view shows
 * what was written.
 */
final class HttpLedger {

    /** How long a view may take to catch up with the writes before a test fails. */
    static final long VIEW_WAIT_MILLIS = 30_000;

    static final Map<String, String> KIND = Map.of(
            "PARTY_SECRETARY", "OVERALL", "GOVERNMENT_HEAD", "OVERALL", "VILLAGE_SECRETARY", "OVERALL",
            "VILLAGE_DIRECTOR", "OVERALL", "DEPUTY_IN_CHARGE", "IN_CHARGE", "OTHER_MEMBER", "IN_CHARGE",
            "DEPARTMENT_HEAD", "MAIN", "DEPARTMENT_DEPUTY", "DIRECT");

    final Api api;

    HttpLedger(RunningLedger ledger) {
        this.api = new Api(ledger);
    }

    // ------------------------------------------------------------------ reference data (ADMIN)

    void place(String code, String name, String level, String parent, LocalDate validFrom) {
        ObjectNode body = object().put("code", code).put("name", name).put("level", level)
                                  .put("validFrom", validFrom.toString());
        if (parent != null) {
            body.put("parentCode", parent);
        }
        api.post("admin", "/api/v1/jurisdictions", body).expect(201);
    }

    void move(String code, String parent, LocalDate on) {
        api.post("admin", "/api/v1/jurisdictions/" + code + "/changes", object().put("kind", "MOVED")
                .put("on", on.toString()).put("parentCode", parent)).expect(201);
    }

    // ------------------------------------------------------------------ records

    long official(String id, String name) {
        return api.post("recorder", "/api/v1/officials", object().put("officialId", id).put("name", name)
                .put("occurredOn", "2010-01-01")).expect(201).json().path("sequence").asLong();
    }

    long entry(String role, String officialId, ObjectNode body) {
        return api.post(role, "/api/v1/officials/" + officialId + "/entries", body).expect(201).json()
                  .path("sequence").asLong();
    }

    static ObjectNode body(String type, LocalDate occurredOn) {
        return object().put("type", type).put("occurredOn", occurredOn.toString());
    }

    long appoint(String id, String postId, String place, String role, LocalDate on) {
        return entry("recorder", id, body("APPOINTED", on).put("postId", postId).put("jurisdictionCode", place)
                .put("role", role).put("responsibilityKind", KIND.get(role)).put("sourceDocument", "任字1号"));
    }

    long leave(String id, String postId, LocalDate on, String reason) {
        return entry("recorder", id, body("LEFT_POST", on).put("postId", postId).put("reason", reason));
    }

    long meeting(String id, String postId, String meetingBody, LocalDate on) {
        ObjectNode body = body("MEETING_HELD", on).put("postId", postId).put("body", meetingBody);
        body.putArray("topics").add("大气污染防治");
        return entry("recorder", id, body);
    }

    long inspection(String id, String postId, LocalDate on) {
        return entry("recorder", id, body("INSPECTION_LED", on).put("postId", postId).put("location", "石河")
                .put("findings", "无"));
    }

    long assessment(String id, int year, String grade, LocalDate on, int... conditions) {
        ObjectNode body = body("ANNUAL_ASSESSMENT", on).put("year", year).put("grade", grade);
        ArrayNode list = body.putArray("conditions");
        for (int condition : conditions) {
            list.add(condition);
        }
        return entry("organization", id, body);
    }

    long oneVeto(String id, int year, String capacity, LocalDate on) {
        return entry("organization", id, body("ONE_VETO", on).put("year", year).put("unit", "某县")
                .put("capacity", capacity).put("reason", "重大环境污染事故"));
    }

    long lifetime(String id, String caseId, String postId, LocalDate damage, LocalDate on) {
        return entry("discipline", id, body("LIFETIME_ACCOUNTABILITY_OPENED", on).put("caseId", caseId)
                .put("postId", postId).put("damageOccurredOn", damage.toString())
                .put("description", "非法采砂造成河道生态损害"));
    }

    long correct(String role, String id, long sequence, ObjectNode replacement, LocalDate on) {
        ObjectNode body = body("CORRECTION", on).put("correctsSequence", sequence).put("reason", "录入错误")
                .put("approvedBy", "市委组织部部务会");
        body.set("replacement", replacement);
        return entry(role, id, body);
    }

    // ------------------------------------------------------------------ views

    /** The dossier (ORGANIZATION) once the view shows the record up to {@code headSequence}. */
    JsonNode dossier(String id, long headSequence) {
        return await("organization", "/api/v1/officials/" + id + "/dossier",
                     view -> view.path("headSequence").asLong(-1) == headSequence);
    }

    /** The dossier as of a date or an instant (read from the event store on demand: no wait). */
    JsonNode dossierAsOf(String id, String asOf) {
        return api.get("organization", "/api/v1/officials/" + id + "/dossier?asOf=" + asOf).expect(200).json();
    }

    JsonNode review(String id, LocalDate on) {
        return api.get("organization", "/api/v1/officials/" + id + "/promotion-review?on=" + on).expect(200).json();
    }

    JsonNode responsible(String code, LocalDate on) {
        return api.get("discipline", "/api/v1/jurisdictions/" + code + "/responsible?on=" + on).expect(200).json();
    }

    JsonNode compliance(String code, String period) {
        return api.get("organization", "/api/v1/compliance?jurisdictionCode=" + code + "&period=" + period)
                  .expect(200).json();
    }

    /** Waits until every read model has handled every event stored so far (each view processor's lag is 0). */
    void awaitViewsCaughtUp() {
        await("discipline", "/actuator/health", health -> {
            JsonNode processors = health.path("components").path("processors").path("details").path("processors");
            for (String view : new String[] {"ledger-official-records", "ledger-places", "ledger-inspection-cases"}) {
                if (processors.path(view).path("lag").asLong(-1) != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** GETs {@code path} as {@code user} until it answers 200 with a body that is {@code ready}; bounded. */
    JsonNode await(String user, String path, Predicate<JsonNode> ready) {
        long deadline = System.nanoTime() + VIEW_WAIT_MILLIS * 1_000_000;
        while (true) {
            Api.Answer answer = api.get(user, path);
            if (answer.status() == 200 && ready.test(answer.json())) {
                return answer.json();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " not ready after " + VIEW_WAIT_MILLIS + " ms: " + answer.status()
                        + " " + answer.text());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The one item of {@code array} whose {@code field} is {@code value}. */
    static JsonNode only(JsonNode array, String field, String value) {
        JsonNode found = null;
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                assertThat(found).as("one %s = %s in %s", field, value, array).isNull();
                found = item;
            }
        }
        assertThat(found).as("a %s = %s in %s", field, value, array).isNotNull();
        return found;
    }

    /** The duty periods of the first tenure of {@code postId} in a dossier. */
    static JsonNode duties(JsonNode dossier, String postId) {
        for (JsonNode post : dossier.path("posts")) {
            if (post.path("postId").asText().equals(postId)) {
                return post.path("tenures").get(0).path("duties");
            }
        }
        throw new AssertionError("no post " + postId + " in " + dossier);
    }

    /** One period of one duty: {@code ART10_COUNTY_GOVERNMENT_EXECUTIVE} and {@code 2018-05}. */
    static JsonNode period(JsonNode duties, String ruleCode, String label) {
        for (JsonNode period : duties) {
            if (period.path("ruleCode").asText().equals(ruleCode) && period.path("label").asText().equals(label)) {
                return period;
            }
        }
        throw new AssertionError("no period " + ruleCode + " " + label + " in " + duties);
    }
}
