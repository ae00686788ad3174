package org.ecoledger.api.store;

import java.nio.file.Path;

import org.bson.Document;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Run in a separate JVM by {@link EmbeddedStoreCrashTest}: starts the embedded store on {@code args[0]}, then inserts
 * documents one by one, calls {@code awaitDurable()} after each, and only then prints {@code ACK <id>}, until killed.
 */
public final class DurabilityProbe {

    static final String ACK = "ACK ";
    static final String READY = "READY";

    private DurabilityProbe() {
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int limit = Integer.parseInt(args[1]);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(Path.of(args[0]), 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
        try (MongoClient client = MongoClients.create(store.connectionString("ledger"))) {
            MongoCollection<Document> events = client.getDatabase("ledger").getCollection("events");
            System.out.println(READY);
            for (int id = 0; id < limit; id++) {
                events.insertOne(new Document("_id", id).append("payload", "x".repeat(500)));
                store.durability().awaitDurable();
                System.out.println(ACK + id);
                System.out.flush();
            }
        }
        // Reaching the limit means the test did not kill the probe in time; hang rather than close cleanly, so
        // a clean shutdown cannot mask a durability bug.
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
