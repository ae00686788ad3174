package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** An acknowledged write (awaitDurable returned) survives {@code kill -9} of the process that made it. */
class EmbeddedStoreCrashTest {

    /** Kill the probe once it has acknowledged this many documents, in the middle of its run. */
    private static final int KILL_AFTER_ACKS = 300;
    private static final int PROBE_LIMIT = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedDocument_survivesKillMinus9() throws Exception {
        Process probe = startProbe();
        Set<Integer> acknowledged = new HashSet<>();
        try {
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> readAcks(probe, acknowledged));
            reading.get(2, TimeUnit.MINUTES);
        } finally {
            probe.destroyForcibly(); // SIGKILL: no shutdown hook, no MVStore close
            assertThat(probe.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        synchronized (acknowledged) {
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        }

        try (EmbeddedMongoStore reopened = EmbeddedMongoStore.start(dataDir, 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED);
             MongoClient client = MongoClients.create(reopened.connectionString("ledger"))) {
            // The kill left the file marked open: the start checked documents against their indexes.
            assertThat(reopened.recovery().checked()).isTrue();
            var events = client.getDatabase("ledger").getCollection("events");
            Set<Integer> stored = new HashSet<>();
            for (Document document : events.find()) {
                stored.add(document.getInteger("_id"));
            }
            synchronized (acknowledged) {
                assertThat(stored).containsAll(acknowledged);
            }
            // Whatever a scan finds, a lookup by key finds too, and the next _id can be written.
            for (Integer id : stored) {
                assertThat(events.find(new Document("_id", id)).first()).as("_id %d by its index", id).isNotNull();
            }
            int next = stored.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            events.insertOne(new Document("_id", next));
            assertThat(events.countDocuments()).isEqualTo(stored.size() + 1);
        }
    }

    private Process startProbe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(List.of(java, "-cp", classpath, DurabilityProbe.class.getName(),
                dataDir.toString(), String.valueOf(PROBE_LIMIT)))
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the probe's output until it has acknowledged enough documents; the process keeps on writing. */
    private static void readAcks(Process probe, Set<Integer> acknowledged) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(DurabilityProbe.ACK)) {
                    synchronized (acknowledged) {
                        acknowledged.add(Integer.parseInt(line.substring(DurabilityProbe.ACK.length())));
                        if (acknowledged.size() >= KILL_AFTER_ACKS) {
                            return;
                        }
                    }
                }
            }
            throw new IllegalStateException("the probe ended before acknowledging " + KILL_AFTER_ACKS + " documents");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
