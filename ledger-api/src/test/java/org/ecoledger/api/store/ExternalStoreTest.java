package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bson.Document;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.WriteBarrierDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** With LEDGER_MONGODB_URI the application uses that store and starts no embedded server of its own. */
class ExternalStoreTest {

    @TempDir
    Path storeDir;

    @TempDir
    Path appDataDir;

    @Test
    void withAMongodbUri_noEmbeddedServerStarts_andTheAppWritesToThatStore() throws Exception {
        // The "external" store: another embedded server, as the store mode runs it.
        try (EmbeddedMongoStore external = EmbeddedMongoStore.start(storeDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
             RunningLedger ledger = RunningLedger.start(appDataDir,
                     "--ledger.mongodb-uri=mongodb://127.0.0.1:" + external.port(),
                     "--ledger.mongodb-database=shared")) {

            assertThat(ledger.context().getBeansOfType(EmbeddedMongoStore.class)).isEmpty();
            assertThat(Files.exists(appDataDir.resolve(EmbeddedMongoStore.FILE_NAME))).isFalse();
            assertThat(ledger.bean(StoreDurability.class)).isInstanceOf(WriteBarrierDurability.class);
            assertThat(ledger.bean(MongoClient.class).getDatabase("x").getWriteConcern())
                    .isEqualTo(WriteConcern.MAJORITY.withJournal(true));

            ledger.bean(MongoDatabase.class).getCollection("probe").insertOne(new Document("_id", "from-app"));
            try (MongoClient direct = MongoClients.create(external.connectionString("shared"))) {
                assertThat(direct.getDatabase("shared").getCollection("probe").countDocuments()).isEqualTo(1);
            }

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(ledger.baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode store = new ObjectMapper().readTree(response.body()).path("components").path("store");
            assertThat(store.path("status").asText()).isEqualTo("UP");
            assertThat(store.path("details").path("kind").asText()).isEqualTo("external");
            assertThat(store.path("details").path("address").asText()).isEqualTo("127.0.0.1:" + external.port());
            assertThat(store.path("details").path("database").asText()).isEqualTo("shared");
        }
    }

    @Test
    void aWriteConcernInTheUri_isKept() {
        try (EmbeddedMongoStore external = EmbeddedMongoStore.start(storeDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
             RunningLedger ledger = RunningLedger.start(appDataDir,
                     "--ledger.mongodb-uri=mongodb://127.0.0.1:" + external.port() + "/?w=1")) {
            assertThat(ledger.bean(MongoClient.class).getDatabase("x").getWriteConcern()).isEqualTo(WriteConcern.W1);
        }
    }
}
