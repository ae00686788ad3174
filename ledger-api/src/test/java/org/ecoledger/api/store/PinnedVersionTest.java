package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A command that runs while other writers commit and the MVStore compacts reads the version it started on to the
 * end. With a retention time of 0 (every superseded chunk reusable at once — what the application's 1 s is to a
 * command that runs for seconds), an unpinned {@code deleteMany} of a large collection read chunks that had been
 * reused meanwhile and failed with "Chunk … not found".
 */
class PinnedVersionTest {

    @TempDir
    Path dir;

    @Test
    void aLongDeleteMany_withCommitsAndCompactionAroundIt_readsItsVersionToTheEnd() throws Exception {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("store.mv").toString())
                                             .autoCompactFillRate(MvStoreSettings.AUTO_COMPACT_FILL_RATE_PERCENT)
                                             .open();
        store.setRetentionTime(0);
        MongoServer server = new MongoServer(new LedgerH2Backend(store));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> entries = client.getDatabase("ledger").getCollection("view_entries");
            MongoCollection<Document> other = client.getDatabase("ledger").getCollection("other");
            for (int round = 0; round < 6; round++) {
                // in several commits, so that the collection's pages lie in many chunks
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    int n = round * 5_000 + i;
                    batch.add(new Document("_id", "official-" + (n % 977) + "#" + n).append("text", "x".repeat(300)));
                }
                entries.insertMany(batch);
                store.commit();
            }
            AtomicBoolean deleting = new AtomicBoolean(true);
            AtomicReference<Throwable> churnFailure = new AtomicReference<>();
            Thread churn = new Thread(() -> {
                try {
                    for (int n = 0; deleting.get(); n++) {
                        other.insertOne(new Document("_id", n).append("text", "y".repeat(2_000)));
                        store.commit();
                        if (n % 20 == 0) {
                            store.compact(95, 1 << 20);
                        }
                    }
                } catch (Throwable e) {
                    churnFailure.set(e);
                }
            }, "churn");
            churn.start();
            long deleted;
            try {
                deleted = entries.deleteMany(new Document()).getDeletedCount();
            } finally {
                deleting.set(false);
                churn.join();
            }
            assertThat(deleted).isEqualTo(30_000);
            assertThat(churnFailure.get()).isNull();
            assertThat(entries.countDocuments()).isZero();
        } finally {
            server.shutdownNow();
            store.close();
        }
    }
}
