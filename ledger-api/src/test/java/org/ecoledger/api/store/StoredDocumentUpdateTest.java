package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * mongo-java-server applies an update to the very document object its map holds, field by field, and only then puts
 * it back; the MVStore writes a map's pages (serializing the documents in them) in whatever thread commits. An update
 * that added or removed a field while a commit wrote that page failed the commit with a
 * ConcurrentModificationException, and the MVStore then closed the file: seen once in CI, loading the demo city.
 */
class StoredDocumentUpdateTest {

    private static final int DOCUMENTS = 20;

    private static final int EXTRA_FIELDS = 20;

    @TempDir
    Path dataDir;

    private static List<Bson> extraFields(int value) {
        List<Bson> updates = new ArrayList<>();
        for (int f = 0; f < EXTRA_FIELDS; f++) {
            updates.add(Updates.set("extra" + f, value));
        }
        return updates;
    }

    private static List<Bson> removedExtraFields() {
        List<Bson> updates = new ArrayList<>();
        for (int f = 0; f < EXTRA_FIELDS; f++) {
            updates.add(Updates.unset("extra" + f));
        }
        return updates;
    }

    @Test
    void updateOnes_thatAddAndRemoveFields_whileCommitsWriteTheirPages_leaveTheStoreWorking() throws Exception {
        hammer((tokens, id, update) -> tokens.updateOne(Filters.eq("_id", id), update));
    }

    /** The path of Axon's token claims ({@code findOneAndUpdate}). */
    @Test
    void findAndModifies_thatAddAndRemoveFields_whileCommitsWriteTheirPages_leaveTheStoreWorking() throws Exception {
        hammer((tokens, id, update) -> tokens.findOneAndUpdate(
                Filters.eq("_id", id), update, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    @FunctionalInterface
    private interface Update {
        void apply(MongoCollection<Document> tokens, int id, Bson update);
    }

    /** Updates that add, then remove, fields of documents sharing a page while another thread commits. */
    private void hammer(Update update) throws Exception {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoCollection<Document> tokens = client.getDatabase("ledger").getCollection("tokens");
            for (int i = 0; i < DOCUMENTS; i++) {
                Document document = new Document("_id", i);
                for (int f = 0; f < 10; f++) {
                    document.append("f" + f, "value " + f);
                }
                tokens.insertOne(document);
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> commitFailure = new AtomicReference<>();
            AtomicInteger commits = new AtomicInteger();
            Thread committer = new Thread(() -> {
                while (!stop.get() && commitFailure.get() == null) {
                    try {
                        store.mvStore().commit();
                        commits.incrementAndGet();
                    } catch (RuntimeException e) {
                        commitFailure.set(e);
                    }
                }
            });
            committer.start();
            try {
                for (int round = 0; round < 5_000 && commitFailure.get() == null; round++) {
                    int id = round % DOCUMENTS;
                    update.apply(tokens, id, round / DOCUMENTS % 2 == 0
                            ? Updates.combine(extraFields(round)) : Updates.combine(removedExtraFields()));
                }
            } finally {
                stop.set(true);
                committer.join();
            }

            assertThat(commitFailure.get()).as("a commit during the updates").isNull();
            assertThat(commits.get()).isPositive();
            tokens.updateOne(Filters.eq("_id", 0), Updates.set("last", true));
            store.mvStore().commit();
            assertThat(tokens.find(Filters.eq("_id", 0)).first()).containsEntry("last", true)
                                                                   .containsEntry("f9", "value 9");
        }
    }
}
