package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** {@code collStats} reports a collection's data size computed from its documents, not tracked write by write. */
class DataSizeTest {

    @TempDir
    Path dataDir;

    @Test
    void theDataSize_isTheSumOfTheStoredDocumentsBsonSizes_afterInsertsUpdatesAndDeletes() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoDatabase database = client.getDatabase("ledger");
            MongoCollection<Document> entries = database.getCollection("entries");
            for (int i = 0; i < 200; i++) {
                entries.insertOne(new Document("_id", "e-" + i).append("n", i).append("text", "记录".repeat(i % 13)));
            }
            entries.updateMany(Filters.lt("n", 50), Updates.set("extra", "x".repeat(100)));
            entries.updateOne(Filters.eq("_id", "e-7"), Updates.unset("text"));
            entries.deleteMany(Filters.gte("n", 150));

            long expected = 0;
            for (Document document : entries.find()) {
                expected += new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
            }
            Document stats = database.runCommand(new Document("collStats", "entries"));
            assertThat(stats.get("count", Number.class).longValue()).isEqualTo(150);
            assertThat(stats.get("size", Number.class).longValue()).isEqualTo(expected).isPositive();
            // and no write kept it: the backend's own counter was never moved from 0
            Object tracked = store.mvStore().openMap(LedgerH2Backend.metaMapName("ledger", "entries")).get("dataSize");
            assertThat(((Number) tracked).longValue()).isZero();
        }
    }
}
