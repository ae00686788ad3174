package org.ecoledger.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoledger.api.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.Api.object;

/**
 * The read views over HTTP on the real application, written through the API: projections built by tracking
 * processors, as-of folds, the head hash, search and the processors' health. The scenarios of issue 5 are in
 * {@link ScenariosOverHttpTest}, rule set versions in {@link RuleSetsOverHttpTest}.
 */
class ViewsOverHttpTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    static HttpResponse<String> get(RunningLedger ledger, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("discipline:discipline".getBytes());
        return HTTP.send(HttpRequest.newBuilder(URI.create(ledger.baseUrl() + path))
                                    .header("Authorization", "Basic " + credentials).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitJson(RunningLedger ledger, String path, java.util.function.Predicate<JsonNode> ready)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> response = get(ledger, path);
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                if (ready.test(body)) {
                    return body;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " not ready: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aOneVetoIn2018_makesTheReviewOn2019_03_01_notEligible_citingItsSequence() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            HttpLedger http = new HttpLedger(ledger);
            http.place("130300000000", "示例市", "CITY", null, LocalDate.of(1990, 1, 1));
            http.api.post("recorder", "/api/v1/officials", object().put("officialId", "o-1").put("name", "张三")
                                                                 .put("occurredOn", "2017-01-01")).expect(201);
            http.appoint("o-1", "city-secretary", "130300000000", "PARTY_SECRETARY", LocalDate.of(2017, 1, 3));
            java.time.Instant beforeTheVeto = java.time.Instant.now();
            Thread.sleep(20);
            assertThat(http.oneVeto("o-1", 2018, "PRINCIPAL", LocalDate.of(2018, 12, 20))).isEqualTo(2);

            JsonNode review = awaitJson(ledger, "/api/v1/officials/o-1/promotion-review?on=2019-03-01",
                                        body -> body.has("eligible"));
            assertThat(review.path("eligible").asBoolean()).isFalse();
            JsonNode flag = review.path("flags").get(0);
            assertThat(flag.path("code").asText()).isEqualTo("ONE_VETO");
            assertThat(flag.path("blocking").asBoolean()).isTrue();
            assertThat(flag.path("sequences").get(0).asLong()).as("registration 0, appointment 1, one-veto 2").isEqualTo(2);

            JsonNode dossier = awaitJson(ledger, "/api/v1/officials/o-1/dossier",
                                         body -> body.path("headSequence").asLong() == 2);
            assertThat(dossier.path("name").asText()).isEqualTo("张三");
            assertThat(dossier.path("headHash").asText()).matches("[0-9a-f]{64}");
            assertThat(dossier.path("oneVetoes")).hasSize(1);

            JsonNode beforeVeto = awaitJson(ledger, "/api/v1/officials/o-1/dossier?asOf=" + beforeTheVeto,
                                            body -> body.has("oneVetoes"));
            assertThat(beforeVeto.path("oneVetoes")).as("recorded after that instant").isEmpty();
            assertThat(beforeVeto.path("headSequence").asLong()).isEqualTo(1);
            assertThat(get(ledger, "/api/v1/officials/o-1/dossier?asOf=2017-12-31").statusCode())
                    .as("nothing of this record had been recorded by the end of 2017").isEqualTo(404);

            JsonNode responsible = awaitJson(ledger, "/api/v1/jurisdictions/130300000000/responsible?on=2018-06-01",
                                             body -> body.size() > 0);
            assertThat(responsible.get(0).path("officialId").asText()).isEqualTo("o-1");
            assertThat(responsible.get(0).path("responsibilityKind").asText()).isEqualTo("OVERALL");

            // every view is tied to the chain: the head sequence it was computed from and that entry's hash
            String head = dossier.path("headHash").asText();
            assertThat(responsible.get(0).path("headSequence").asLong()).isEqualTo(2);
            assertThat(responsible.get(0).path("headHash").asText()).isEqualTo(head);
            JsonNode reviewNow = awaitJson(ledger, "/api/v1/officials/o-1/promotion-review?on=2019-03-01",
                                           body -> body.has("eligible"));
            assertThat(reviewNow.path("headSequence").asLong()).isEqualTo(2);
            assertThat(reviewNow.path("headHash").asText()).isEqualTo(head);
            JsonNode compliance = awaitJson(ledger, "/api/v1/compliance?jurisdictionCode=130300000000&period=2018-Q1",
                                            body -> body.path("posts").size() > 0);
            assertThat(compliance.path("posts").get(0).path("headSequence").asLong()).isEqualTo(2);
            assertThat(compliance.path("posts").get(0).path("headHash").asText()).isEqualTo(head);
            assertThat(compliance.path("posts").get(0).path("duties").isArray()).isTrue();
            JsonNode reviewBefore = awaitJson(ledger, "/api/v1/officials/o-1/promotion-review?on=2018-01-01",
                                              body -> body.has("eligible"));
            assertThat(reviewBefore.path("headSequence").asLong()).as("the one-veto occurred later").isEqualTo(1);
            assertThat(reviewBefore.path("headHash").isNull()).as("not the head of the chain now").isTrue();

            JsonNode found = awaitJson(ledger, "/api/v1/officials?query=%E5%BC%A0", body -> body.path("total").asLong() > 0);
            assertThat(found.path("items").get(0).path("officialId").asText()).isEqualTo("o-1");

            JsonNode processors = awaitJson(ledger, "/actuator/health", body -> body.path("components")
                    .path("processors").path("details").path("processors").path("ledger-official-records")
                    .path("lag").asLong(-1) == 0).path("components").path("processors");
            assertThat(processors.path("status").asText()).isEqualTo("UP");
            JsonNode records = processors.path("details").path("processors").path("ledger-official-records");
            assertThat(records.path("running").asBoolean()).isTrue();
            assertThat(records.path("replaying").asBoolean()).isFalse();
            assertThat(processors.path("details").path("endOfLog").asLong())
                    .as("4 entries, then the access log's own entries for the reads above").isGreaterThan(3);
            assertThat(processors.path("details").path("processors").has("transparency-log")).isTrue();

            assertThat(get(ledger, "/api/v1/officials/nobody/dossier").statusCode()).isEqualTo(404);
            assertThat(get(ledger, "/api/v1/officials/o-1/dossier?asOf=yesterday").statusCode()).isEqualTo(400);
        }
    }
}
