package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.StoreUnavailableException;
import org.ecoledger.core.store.WriteBarrierDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The read barrier of an application on the store mode (or a real MongoDB): a write of its own whose acknowledgement
 * the store gives only after a group commit that started after it.
 */
class WriteBarrierDurabilityTest {

    @TempDir
    Path storeDir;

    @Test
    void eachReadBarrier_waitsForAGroupCommitOfTheStore_andAnAppendsWaitAddsNone() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(storeDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoDatabase database = client.getDatabase("ledger");
            WriteBarrierDurability durability = new WriteBarrierDurability(database);
            GroupCommit commits = store.durability();

            for (int round = 1; round <= 3; round++) {
                long before = commits.commits();
                durability.awaitReadsDurable();
                assertThat(commits.commits()).as("commits after barrier %d", round).isEqualTo(before + 1);
            }
            assertThat(database.getCollection(LedgerSchema.META)
                               .find(new Document("_id", WriteBarrierDurability.BARRIER_ID)).first())
                    .containsEntry("n", 3L);

            long before = commits.calls();
            durability.awaitDurable(); // an append's wait: its write concern made the append durable already
            assertThat(commits.calls()).isEqualTo(before);
        }
    }

    @Test
    void aBarrierTheStoreCannotConfirm_isAStoreUnavailableException() {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(storeDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
        String quicklyFailing = store.connectionString("ledger") + "?serverSelectionTimeoutMS=500";
        try (MongoClient client = MongoClients.create(quicklyFailing)) {
            WriteBarrierDurability durability = new WriteBarrierDurability(client.getDatabase("ledger"));
            durability.awaitReadsDurable();
            store.close();
            assertThatThrownBy(durability::awaitReadsDurable).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("durable");
        }
    }
}
