package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.store.EmbeddedMongoStore;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A 503 whose write landed anyway (the store could not confirm it: here the group commit fails once after the insert),
 * retried with the same {@code Idempotency-Key}: the retry answers the entry the failed attempt stored, and the
 * record holds it once. Without a key the retry of such a request would append it twice; the key is what makes
 * "retry later" safe.
 */
class IdempotentRetryTest {

    private static final AtomicBoolean FAIL_NEXT_REQUEST_COMMIT = new AtomicBoolean();
    private static final String ENTRIES = "/api/v1/officials/retry/entries";

    /** The embedded store's group commit, failing once on a request thread when asked to. */
    @Configuration(proxyBeanMethods = false)
    static class CommitFailingOnce {
        @Bean
        @Primary
        StoreDurability failingOnce(EmbeddedMongoStore store) {
            StoreDurability real = store.durability();
            return () -> {
                if (Thread.currentThread().getName().startsWith("http-nio")
                        && FAIL_NEXT_REQUEST_COMMIT.getAndSet(false)) {
                    throw new StoreUnavailableException("simulated: the commit after the write failed", null);
                }
                real.awaitDurable();
            };
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void aRetryWithTheSameKey_afterA503WhoseWriteLanded_answersThatEntry_andStoresItOnce() {
        try (RunningLedger ledger = RunningLedger.startWith(List.of(CommitFailingOnce.class), dataDir)) {
            Api api = new Api(ledger);
            api.city();
            api.official("retry");
            api.post("recorder", ENTRIES, EntryExamples.of(EntryType.APPOINTED).body()).expect(201);
            // A meeting: appending it twice would be accepted, so a second append would show.
            ObjectNode meeting = EntryExamples.of(EntryType.MEETING_HELD).body();

            FAIL_NEXT_REQUEST_COMMIT.set(true);
            api.post("recorder", ENTRIES, meeting, "Idempotency-Key", "meeting-once").problem(503, "store-unavailable");
            assertThat(api.get("auditor", ENTRIES).expect(200).json()).as("the write landed despite the 503")
                                                                      .hasSize(3);

            JsonNode retried = api.post("recorder", ENTRIES, meeting, "Idempotency-Key", "meeting-once")
                                  .expect(201).json();
            assertThat(retried.path("sequence").asLong()).as("the entry the failed attempt stored").isEqualTo(2);
            JsonNode entries = api.get("auditor", ENTRIES).expect(200).json();
            assertThat(entries).as("stored once").hasSize(3);
            assertThat(entries.get(2).path("entryId").asText()).isEqualTo(retried.path("entryId").asText());

            Api.Answer replayed = api.post("recorder", ENTRIES, meeting, "Idempotency-Key", "meeting-once")
                                     .expect(201);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.json()).isEqualTo(retried);
        }
    }
}
