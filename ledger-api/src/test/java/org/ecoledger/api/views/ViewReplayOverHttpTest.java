package org.ecoledger.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.projections.record.OfficialRecordProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding a read view over HTTP (ADMIN, {@code /api/v1/views/{view}/replay}): the view's documents are lost, a
 * replay is started and followed to the end, and the view answers as before, with the replay's progress counting the
 * whole log.
 */
class ViewReplayOverHttpTest {

    static final String VIEW = "ledger-official-records";
    static final String SEARCH = "/api/v1/officials?query=%E5%BC%A0";

    @TempDir
    Path dataDir;

    @Test
    void aReplay_rebuildsTheView_fromTheLog_withItsProgress() {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            HttpLedger http = new HttpLedger(ledger);
            http.place("130300000000", "示例市", "CITY", null, LocalDate.of(1990, 1, 1));
            http.official("o-1", "张三");
            http.appoint("o-1", "city-secretary", "130300000000", "PARTY_SECRETARY", LocalDate.of(2017, 1, 3));
            long last = http.meeting("o-1", "city-secretary", "STANDING_COMMITTEE", LocalDate.of(2017, 2, 10));
            JsonNode before = http.dossier("o-1", last);
            http.awaitViewsCaughtUp();

            assertThat(http.api.get("admin", "/api/v1/views/" + VIEW + "/replay").status())
                    .as("no replay started yet").isEqualTo(404);

            // the view loses its documents: search (which reads only the view) no longer finds the official
            assertThat(http.api.get("organization", SEARCH).expect(200).json().path("total").asLong()).isEqualTo(1);
            MongoDatabase database = ledger.bean(MongoDatabase.class);
            database.getCollection(OfficialRecordProjection.OFFICIALS).deleteMany(Filters.eq("_id", "o-1"));
            database.getCollection(OfficialRecordProjection.ENTRIES).deleteMany(Filters.regex("_id", "^o-1#"));
            assertThat(http.api.get("organization", SEARCH).expect(200).json().path("total").asLong()).isZero();

            var started = http.api.post("admin", "/api/v1/views/" + VIEW + "/replay", "").expect(202);
            assertThat(started.header("Location")).isEqualTo("/api/v1/views/" + VIEW + "/replay");
            assertThat(started.json().path("view").asText()).isEqualTo(VIEW);
            assertThat(started.json().path("state").asText()).isIn("STARTING", "REPLAYING", "DONE");
            assertThat(started.json().path("startedAt").asText()).isNotEmpty();

            JsonNode done = http.await("admin", "/api/v1/views/" + VIEW + "/replay",
                                       progress -> !progress.path("state").asText().equals("STARTING")
                                               && !progress.path("state").asText().equals("REPLAYING"));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(done.path("total").asLong()).as("the whole log at the reset: the entries and access lines so far")
                    .isGreaterThan(last);
            assertThat(done.path("done").asLong()).isEqualTo(done.path("total").asLong());
            assertThat(done.path("rate").asDouble()).isPositive();
            assertThat(done.path("secondsLeft").asLong()).isZero();
            assertThat(done.path("finishedAt").asText()).isNotEmpty();
            assertThat(done.path("problem").isNull()).isTrue();

            JsonNode found = http.api.get("organization", SEARCH).expect(200).json();
            assertThat(found.path("total").asLong()).as("rebuilt").isEqualTo(1);
            assertThat(found.path("items").get(0).path("officialId").asText()).isEqualTo("o-1");
            JsonNode after = http.dossier("o-1", last);
            assertThat(after.path("posts")).isEqualTo(before.path("posts"));
            assertThat(after.path("name")).isEqualTo(before.path("name"));
            assertThat(after.path("headHash")).isEqualTo(before.path("headHash"));
            http.awaitViewsCaughtUp();

            assertThat(http.api.post("admin", "/api/v1/views/transparency-log/replay", "").status())
                    .as("the transparency log is not a view").isEqualTo(404);
            assertThat(http.api.post("admin", "/api/v1/views/nothing/replay", "").status()).isEqualTo(404);
            assertThat(http.api.get("admin", "/api/v1/views/ledger-places/replay").status()).isEqualTo(404);
            assertThat(http.api.post("organization", "/api/v1/views/" + VIEW + "/replay", "").status())
                    .isEqualTo(403);
        }
    }
}
