package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

@ExtendWith(OutputCaptureExtension.class)
class StoreModeTest {

    @TempDir
    Path dataDir;

    @Test
    void storeMode_startsOnlyTheEmbeddedStore_andLogsItsConnectionString(CapturedOutput output) {
        try (ConfigurableApplicationContext context = StoreMode.run("--ledger.mode=store",
                "--ledger.data-dir=" + dataDir, "--ledger.embedded-mongodb-port=0", "--ledger.mongodb-uri=")) {
            EmbeddedMongoStore store = context.getBean(EmbeddedMongoStore.class);

            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(MongoClient.class)).isEmpty();
            assertThat(context.getBeanDefinitionNames())
                    .noneMatch(name -> name.toLowerCase().contains("axon"))
                    .noneMatch(name -> name.toLowerCase().contains("dispatcherservlet"));
            assertThat(output).contains("LEDGER_MONGODB_URI=mongodb://127.0.0.1:" + store.port() + "/");

            try (MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
                client.getDatabase("ledger").getCollection("probe").insertOne(new Document("_id", 1));
            }
            assertThat(store.durability().commits()).isPositive();
            assertThat(store.mvStore().hasUnsavedChanges()).isFalse();
        }
    }
}
