package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class EmbeddedMongoStoreTest {

    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 100;

    @TempDir
    Path dataDir;

    @Test
    void concurrentWriters_shareCommits_farFewerCommitsThanCalls() throws Exception {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            GroupCommit durability = store.durability();
            long versionBefore = store.mvStore().getCurrentVersion();

            ExecutorService writers = Executors.newFixedThreadPool(THREADS);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        events.insertOne(new Document("_id", thread + "-" + i).append("payload", "x".repeat(500)));
                        durability.awaitDurable();
                    }
                }, writers));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            writers.shutdown();

            long calls = (long) THREADS * WRITES_PER_THREAD;
            assertThat(durability.calls()).isEqualTo(calls);
            assertThat(durability.commits()).as("group commits for %d calls", calls).isPositive().isLessThan(calls / 2);
            // Every MVStore commit, including the MVStore's own background ones, not only the group commit's.
            assertThat(store.mvStore().getCurrentVersion() - versionBefore).isLessThan(calls / 2);
            assertThat(events.countDocuments()).isEqualTo(calls);
        }
    }

    @Test
    void storeMode_acknowledgesAWriteOnlyAfterCommittingIt() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
             MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            events.find().first(); // connection set up; reads do not commit

            long commitsBefore = store.durability().commits();
            events.insertOne(new Document("_id", 1));
            assertThat(store.durability().commits()).isGreaterThan(commitsBefore);
            assertThat(store.mvStore().hasUnsavedChanges()).isFalse();

            long commitsBeforeRead = store.durability().commits();
            assertThat(events.find().into(new ArrayList<>())).hasSize(1);
            assertThat(store.durability().commits()).isEqualTo(commitsBeforeRead);
        }
    }

    @Test
    void aWriteCommandMayWrite_aReadCommandDoesNot() {
        assertThat(DurableWritesBackend.mayWrite("insert")).isTrue();
        assertThat(DurableWritesBackend.mayWrite("findAndModify")).isTrue();
        assertThat(DurableWritesBackend.mayWrite("aggregate")).as("$out and $merge write").isTrue();
        assertThat(DurableWritesBackend.mayWrite("someFutureCommand")).as("unknown commands commit").isTrue();
        assertThat(DurableWritesBackend.mayWrite("find")).isFalse();
        assertThat(DurableWritesBackend.mayWrite("getMore")).isFalse();
        assertThat(DurableWritesBackend.mayWrite("hello")).isFalse();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
