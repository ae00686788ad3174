package org.ecoledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.ecoledger.api.store.GroupCommit;
import org.ecoledger.core.store.StoreDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

@ExtendWith(OutputCaptureExtension.class)
class LedgerApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void startsOnTheEmbeddedStore_healthIsUpWithTheStoresDetails(CapturedOutput output) throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            EmbeddedMongoStore store = ledger.bean(EmbeddedMongoStore.class);

            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode storeHealth = health.path("components").path("store");
            assertThat(storeHealth.path("status").asText()).isEqualTo("UP");
            assertThat(storeHealth.path("details").path("kind").asText()).isEqualTo("embedded");
            assertThat(storeHealth.path("details").path("address").asText()).isEqualTo("127.0.0.1:" + store.port());
            assertThat(storeHealth.path("details").path("database").asText()).isEqualTo("ledger");
            assertThat(storeHealth.path("details").path("file").asText())
                    .isEqualTo(dataDir.toAbsolutePath().resolve("store.mv").toString());
            assertThat(output).contains("mongodb://127.0.0.1:" + store.port() + "/ledger");
            assertThat(ledger.bean(StoreDurability.class)).isInstanceOf(GroupCommit.class);
            assertThat(ledger.context().getBeansOfType(MongoClient.class)).as("one client, not Boot's as well")
                    .hasSize(1);
        }
    }

    @Test
    void infoEndpointAnswers() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/actuator/info")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(response.body()).path("application").asText())
                    .isEqualTo("eco-ledger");
        }
    }

    @Test
    void embeddedStore_isReachableWithAPlainDriver_atTheLoggedPort() {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            int port = ledger.bean(EmbeddedMongoStore.class).port();
            ledger.bean(MongoDatabase.class).getCollection("probe").insertOne(new Document("_id", "from-app"));

            try (MongoClient plain = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoDatabase database = plain.getDatabase("ledger");
                assertThat(database.getCollection("probe").find(new Document("_id", "from-app")).first()).isNotNull();
                database.getCollection("probe").insertOne(new Document("_id", "from-driver"));
            }
            assertThat(ledger.bean(MongoDatabase.class).getCollection("probe").countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void documentsWrittenThroughTheApp_areThereAfterAFullRestart_onTheSameDataDir() {
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(new Document("_id", "doc-" + i).append("n", i));
        }
        try (RunningLedger first = RunningLedger.start(dataDir)) {
            first.bean(MongoClient.class).getDatabase("ledger").getCollection("restart").insertMany(written);
        }

        try (RunningLedger second = RunningLedger.start(dataDir)) {
            List<Document> read = second.bean(MongoDatabase.class).getCollection("restart")
                    .find().sort(new Document("n", 1)).into(new ArrayList<>());
            assertThat(read).containsExactlyElementsOf(written);
        }
    }
}
