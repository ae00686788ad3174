package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.ecoledger.core.record.EntryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreachable store is a 503 problem, for writes and reads, and nothing is half-written. */
class StoreUnavailableTest {

    @TempDir
    Path storeDir;

    @TempDir
    Path appDataDir;

    @Test
    void aStoreThatGoesAway_is503_andAfterItComesBackNothingWasWritten() {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(storeDir, 0,
                                                            EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
        int port = store.port();
        try (RunningLedger ledger = RunningLedger.start(appDataDir,
                "--ledger.mongodb-uri=mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=1500"
                        + "&connectTimeoutMS=1000",
                "--ledger.security.demo-users=true")) {
            Api api = new Api(ledger);
            api.city();
            api.official("away");
            String entries = "/api/v1/officials/away/entries";

            store.close();
            api.post("recorder", entries, EntryExamples.of(EntryType.APPOINTED).body(), "Idempotency-Key", "k-503")
               .problem(503, "store-unavailable");
            api.post("recorder", entries, EntryExamples.of(EntryType.APPOINTED).body())
               .problem(503, "store-unavailable");
            api.get("auditor", entries).problem(503, "store-unavailable");

            store = EmbeddedMongoStore.start(storeDir, port, EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
            assertThat(api.get("auditor", entries).expect(200).json()).as("only the registration").hasSize(1);
            api.post("recorder", entries, EntryExamples.of(EntryType.APPOINTED).body(), "Idempotency-Key", "k-503")
               .expect(201);
        } finally {
            store.close();
        }
    }
}
