package org.ecoledger.api.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedSyncTest {

    @TempDir
    Path dir;

    @Test
    void theSyncSettingReadsBothWords_andRefusesOthersByName() {
        assertThat(EmbeddedMongoStore.Sync.parse("commit")).isEqualTo(EmbeddedMongoStore.Sync.COMMIT);
        assertThat(EmbeddedMongoStore.Sync.parse(" FSYNC ")).isEqualTo(EmbeddedMongoStore.Sync.FSYNC);
        assertThatThrownBy(() -> EmbeddedMongoStore.Sync.parse("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEDGER_EMBEDDED_SYNC");
    }

    @Test
    void bothModesKeepAcknowledgedWritesAcrossARestart() {
        for (EmbeddedMongoStore.Sync sync : EmbeddedMongoStore.Sync.values()) {
            Path data = dir.resolve(sync.name());
            try (EmbeddedMongoStore store = EmbeddedMongoStore.start(
                    data, 0, EmbeddedMongoStore.WriteAcknowledgement.APPLIED, sync);
                 MongoClient client = MongoClients.create(store.connectionString("t"))) {
                client.getDatabase("t").getCollection("c").insertOne(new Document("_id", sync.name()));
                store.durability().awaitDurable();
            }
            try (EmbeddedMongoStore store = EmbeddedMongoStore.start(
                    data, 0, EmbeddedMongoStore.WriteAcknowledgement.APPLIED, sync);
                 MongoClient client = MongoClients.create(store.connectionString("t"))) {
                assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(1);
            }
        }
    }
}
