package org.ecoledger.api.http.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

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

    /**
     * The store took the claim but its answer never came (the store died in between): the node answered 503 without
     * knowing the key was claimed. Once the store answers again the claim is found still in progress under this
     * attempt's identity and released, so the same request can claim the key again instead of meeting "in progress"
     * for good. A claim that did not land is left alone: the key's later claim is not touched.
     */
    @Test
    void aClaimStoredWithoutItsAnswer_isReleasedOnceTheStoreAnswers_andAnotherClaimIsLeftAlone() throws Exception {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(storeDir, 0, EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
        AtomicBoolean loseNextAnswer = new AtomicBoolean();
        try (MongoClient client = MongoClients.create(store.connectionString("ledger"));
             IdempotencyKeys keys = new IdempotencyKeys(answersLost(client.getDatabase("ledger"), loseNextAnswer),
                                                        Clock.systemUTC())) {
            loseNextAnswer.set(true);
            assertThatThrownBy(() -> keys.claim("k1", "recorder", "fingerprint"))
                    .isInstanceOf(MongoSocketReadException.class);
            Document stored = client.getDatabase("ledger").getCollection(IdempotencyKeys.COLLECTION)
                                    .find(new Document("_id", "k1 recorder")).first();
            assertThat(stored.getString("state")).as("the claim landed").isEqualTo(IdempotencyKeys.IN_PROGRESS);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (keys.pending() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(keys.pending()).isZero();
            IdempotencyKeys.Claim retry = keys.claim("k1", "recorder", "fingerprint");
            assertThat(retry.earlier()).isEmpty();
            assertThat(retry.retry()).as("released: the request may try again").isTrue();

            // a claim whose write really failed: the key's next claim is not released by the failed one's memory
            store.close();
            assertThatThrownBy(() -> keys.claim("k2", "recorder", "other")).isInstanceOf(MongoException.class);
            store = EmbeddedMongoStore.start(storeDir, store.port(), EmbeddedMongoStore.WriteAcknowledgement.DURABLE);
            assertThat(keys.claim("k2", "recorder", "other").earlier()).as("claimed afresh").isEmpty();
            deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (keys.pending() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(keys.pending()).isZero();
            assertThat(keys.claim("k2", "recorder", "other").earlier())
                    .as("still held by the claim that landed").hasValueSatisfying(earlier ->
                            assertThat(earlier.state()).isEqualTo(IdempotencyKeys.IN_PROGRESS));
        } finally {
            store.close();
        }
    }

    /** The database, whose collections apply an armed insert and then throw as if its answer were lost. */
    private static MongoDatabase answersLost(MongoDatabase database, AtomicBoolean armed) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[]{MongoDatabase.class}, (proxy, method, args) -> {
                    Object result = invoke(method, database, args);
                    if (!method.getName().equals("getCollection")) {
                        return result;
                    }
                    MongoCollection<?> collection = (MongoCollection<?>) result;
                    return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                            new Class<?>[]{MongoCollection.class}, (p, m, a) -> {
                                Object answer = invoke(m, collection, a);
                                if (m.getName().equals("insertOne") && armed.compareAndSet(true, false)) {
                                    throw new MongoSocketReadException("the store went away before answering",
                                                                       new ServerAddress());
                                }
                                return answer;
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
