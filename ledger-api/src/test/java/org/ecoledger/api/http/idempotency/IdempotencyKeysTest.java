package org.ecoledger.api.http.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.ecoledger.api.store.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The outcome of a keyed request (its answer, or its failure) that the store cannot take when the request ends is
 * written once the store is back, so the key does not stay "in progress" for ever after an outage.
 */
class IdempotencyKeysTest {

    @TempDir
    Path storeDir;

    @Test
    void aFailureTheStoreCouldNotTake_isWrittenWhenItIsBack_andTheRetryThenClaimsTheKey() throws Exception {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(storeDir, 0, EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
        int port = store.port();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString("ledger")))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .build());
             IdempotencyKeys keys = new IdempotencyKeys(client.getDatabase("ledger"), Clock.systemUTC())) {
            assertThat(keys.claim("k1", "recorder", "fingerprint").earlier()).isEmpty();
            assertThat(keys.claim("k2", "recorder", "other").earlier()).isEmpty();

            store.close();
            keys.failed("k1", "recorder");
            keys.complete("k2", "recorder", 201, "application/json", null, "{\"sequence\":1}");
            assertThat(keys.pending()).isEqualTo(2);

            store = EmbeddedMongoStore.start(storeDir, port, EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (keys.pending() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(keys.pending()).as("outcomes written once the store is back").isZero();

            IdempotencyKeys.Claim retry = keys.claim("k1", "recorder", "fingerprint");
            assertThat(retry.earlier()).isEmpty();
            assertThat(retry.retry()).as("the failed request may try again").isTrue();
            assertThat(keys.claim("k1", "recorder", "fingerprint").earlier())
                    .as("only one retry at a time").hasValueSatisfying(earlier ->
                            assertThat(earlier.state()).isEqualTo(IdempotencyKeys.IN_PROGRESS));
            assertThat(keys.claim("k2", "recorder", "other").earlier())
                    .hasValueSatisfying(earlier -> assertThat(earlier.status()).isEqualTo(201));
        } finally {
            store.close();
        }
    }
}
