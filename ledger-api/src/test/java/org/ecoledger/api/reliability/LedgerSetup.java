package org.ecoledger.api.reliability;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The reliability tests' small world: one city, and officials each appointed to a post of their own in it. */
public final class LedgerSetup {

    public static final String CITY = "130300000000";

    private LedgerSetup() {
    }

    public static String postOf(String officialId) {
        return "post-" + officialId;
    }

    /** Registers the city (ADMIN); a 409 (it exists) is fine. */
    public static void city(Http http) {
        ObjectNode city = JsonNodeFactory.instance.objectNode().put("code", CITY).put("name", "秦皇岛市")
                .put("level", "CITY").put("validFrom", "1984-01-01");
        Http.Answer answer = http.post("admin", "/api/v1/jurisdictions", city);
        if (answer.status() != 201 && answer.status() != 409) {
            throw new AssertionError("registering the city: " + answer);
        }
    }

    /** Registers {@code officialId} and appoints them city party secretary of their own post. */
    public static void officialWithPost(Http http, String officialId) {
        expect(201, http.post("recorder", "/api/v1/officials", JsonNodeFactory.instance.objectNode()
                .put("officialId", officialId).put("name", "官员 " + officialId).put("occurredOn", "2017-12-01")));
        expect(201, http.post("recorder", "/api/v1/officials/" + officialId + "/entries",
                JsonNodeFactory.instance.objectNode().put("type", "APPOINTED")
                        .put("occurredOn", AppendLoad.APPOINTED_ON.toString()).put("postId", postOf(officialId))
                        .put("jurisdictionCode", CITY).put("role", "PARTY_SECRETARY")
                        .put("responsibilityKind", "OVERALL")));
    }

    /** {@code count} officials named {@code prefix-0 …}, registered and appointed. */
    public static List<String> officials(Http http, String prefix, int count) {
        city(http);
        List<String> officials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String official = prefix + "-" + i;
            officialWithPost(http, official);
            officials.add(official);
        }
        return officials;
    }

    private static void expect(int status, Http.Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
    }
}
