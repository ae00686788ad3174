package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A start after an unclean stop puts documents and unique indexes back in step: what a command had half written is
 * gone, and the store takes the same keys again (without the check, an insert at the half-written {@code _id} failed
 * for good).
 */
class StoreRecoveryTest {

    @TempDir
    Path dataDir;

    private EmbeddedMongoStore start() {
        return EmbeddedMongoStore.start(dataDir, 0, EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
    }

    @Test
    void halfWrittenCommandsAreRemoved_andTheirKeysCanBeWrittenAgain() {
        try (EmbeddedMongoStore store = start();
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            assertThat(store.recovery().checked()).as("a new store has nothing to check").isFalse();
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            events.createIndex(Indexes.ascending("ak"), new IndexOptions().unique(true).sparse(true));
            for (long i = 0; i < 100; i++) {
                events.insertOne(new Document("_id", i).append("ak", "o-" + (i % 7) + "#" + i));
            }
            events.insertOne(new Document("_id", 1_000L)); // no ak: not in the sparse index, and rightly so
        }
        try (EmbeddedMongoStore store = start()) {
            assertThat(store.recovery().checked()).as("closed cleanly: no check").isFalse();
        }

        // What kill -9 can leave, written into the file directly: an insert whose index entries never came (100),
        // a delete whose document stayed (5: its entries gone), an entry whose document never came (200).
        MVStore file = MVStore.open(dataDir.resolve(EmbeddedMongoStore.FILE_NAME).toString());
        var documents = LedgerH2Backend.openDocuments(file, LedgerH2Backend.documentsMapName("ledger", "events"));
        var ids = LedgerH2Backend.openIndex(file, LedgerH2Backend.indexMapName("ledger", "events", "_id_"));
        var aks = LedgerH2Backend.openIndex(file, LedgerH2Backend.indexMapName("ledger", "events", "ak_1"));
        documents.put(100L, new de.bwaldvogel.mongo.bson.Document("_id", 100L).append("ak", "o-2#100"));
        assertThat(ids.remove(new KeyValue(5.0))).isEqualTo(5L);
        assertThat(aks.remove(new KeyValue("o-5#5"))).isEqualTo(5L);
        ids.put(new KeyValue(200.0), 200L);
        file.<String, String>openMap(StoreRecovery.STATE_MAP).put("state", "open");
        file.close();

        try (EmbeddedMongoStore store = start();
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            StoreRecovery.Report report = store.recovery();
            assertThat(report.checked()).isTrue();
            assertThat(report.danglingEntries()).isEqualTo(1);
            assertThat(report.partialDocuments()).isEqualTo(2);
            assertThat(report.documents()).as("the events and the index descriptions").isGreaterThanOrEqualTo(102);
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(100); // 0..99 without 5, and 1,000
            assertThat(events.find(Filters.eq("_id", 100L)).first()).isNull();
            assertThat(events.find(Filters.eq("_id", 1_000L)).first()).isNotNull();
            assertThat(events.find(Filters.eq("ak", "o-6#6")).first()).isNotNull();
            // The keys of the half-written commands are free again.
            events.insertOne(new Document("_id", 100L).append("ak", "o-2#100"));
            events.insertOne(new Document("_id", 5L).append("ak", "o-5#5"));
            events.insertOne(new Document("_id", 200L).append("ak", "o-4#200"));
            assertThat(events.find(Filters.eq("ak", "o-2#100")).first()).containsEntry("_id", 100L);
            assertThat(events.countDocuments()).isEqualTo(103);
        }
        try (EmbeddedMongoStore store = start()) {
            assertThat(store.recovery().checked()).as("closed cleanly again").isFalse();
        }

        // A store written before the state existed is checked once.
        MVStore older = MVStore.open(dataDir.resolve(EmbeddedMongoStore.FILE_NAME).toString());
        older.removeMap(StoreRecovery.STATE_MAP);
        older.close();
        try (EmbeddedMongoStore store = start()) {
            assertThat(store.recovery().checked()).isTrue();
            assertThat(store.recovery().repaired()).isFalse();
            assertThat(store.recovery().documents()).isGreaterThanOrEqualTo(103);
        }
    }
}
