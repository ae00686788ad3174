package org.ecoledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Store outage: the store runs in its own process (the jar's store mode) and is killed ({@code kill -9}) while 4
 * clients append through an application node. While it is away every write and read is a 503 problem detail; when it
 * is back (same file, same port) the same application process resumes appending without a restart, and the clients
 * send what was refused again with the same {@code Idempotency-Key}. Nothing acknowledged is lost, nothing is stored
 * twice or half, and the chains, the log and the view check out. One outage in CI, 5 with
 * {@code -Dreliability.long=true}.
 */
class StoreOutageIT {

    private static final int CLIENTS = 4;
    private static final int OFFICIALS = 4;

    @Test
    void aStoreKilledMidLoad_is503WhileAway_andTheSameApplicationResumesWhenItIsBack() {
        int outages = Reliability.setting("outage.rounds", 1, 5);
        Path work = Reliability.workDirectory("outage");
        int storePort = Reliability.freePort();
        Instant begun = Instant.now();
        List<AppendLoad> loads = new ArrayList<>();
        List<Long> outageMillis = new ArrayList<>();
        try (LedgerProcess store = LedgerProcess.store("outage-store", work.resolve("store"), storePort);
             LedgerProcess app = LedgerProcess.app("outage-app", work.resolve("app"),
                     "--ledger.mongodb-uri=mongodb://127.0.0.1:" + storePort
                             + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000")) {
            store.start();
            app.start();
            List<String> officials = LedgerSetup.officials(app.http(), "outage", OFFICIALS);
            for (int round = 1; round <= outages; round++) {
                AppendLoad load = new AppendLoad("o" + round, officials, CLIENTS, client -> List.of(app.http()),
                                                 Long.MAX_VALUE).keyed().start();
                loads.add(load);
                load.awaitAcks(30, Duration.ofMinutes(3));

                store.kill();
                Instant away = Instant.now();
                Reliability.await("503 answers while the store is away", Duration.ofMinutes(2),
                                  () -> load.refusals().getOrDefault("503 store-unavailable", 0) >= 8);
                Http.Answer read = app.http().get("auditor", "/api/v1/officials/" + officials.get(0) + "/entries");
                assertThat(read.status()).as("a read while the store is away: %s", read).isEqualTo(503);
                assertThat(read.isProblem()).isTrue();
                assertThat(read.header("Retry-After")).isNotNull();
                int acksWhileAway = load.acks().size();

                store.start();
                outageMillis.add(Duration.between(away, Instant.now()).toMillis());
                load.awaitAcks(acksWhileAway + 30, Duration.ofMinutes(3));
                load.stop();
                assertThat(app.isAlive()).as("the application was not restarted").isTrue();

                // The clients retry what was refused, with the same Idempotency-Key: a 503 whose write had landed
                // is answered with that entry, the others are written now; either way once.
                Map<String, Integer> refusals = load.refusals();
                int refusedButStored = refusedButStored(storePort, load);
                int retried = load.retryRefused(app.http());

                Checks.awaitCaughtUp(List.of(app), Duration.ofMinutes(3));
                Checks.Verdict verdict = check(app, storePort, officials, loads, "outage " + round);
                Checks.report("outage", "outage " + round + ": " + verdict.summary() + "; refusals " + refusals
                        + ", of which stored by the refused attempt " + refusedButStored + "; retried with their "
                        + "Idempotency-Key " + retried + "; store away " + outageMillis.get(outageMillis.size() - 1)
                        + " ms");
            }
        }
        Checks.report("outage", outages + " store outages (kill -9 of the store process) under " + CLIENTS
                + " clients; " + Duration.between(begun, Instant.now()).toSeconds() + " s in all");
    }

    /** Refused requests whose entry is in the store anyway (the store took the write, then went away). */
    private static int refusedButStored(int storePort, AppendLoad load) {
        try (StoreInspector store = new StoreInspector("127.0.0.1:" + storePort)) {
            Map<String, List<StoreInspector.StoredEvent>> stored = store.events().byMarker();
            return (int) load.refused().keySet().stream().filter(stored::containsKey).count();
        }
    }

    static Checks.Verdict check(LedgerProcess app, int storePort, List<String> officials, List<AppendLoad> loads,
                                String when) {
        try (StoreInspector store = new StoreInspector("127.0.0.1:" + storePort)) {
            StoreInspector.EventLog log = store.events();
            assertThat(log.holes()).as("holes in the global index after %s", when).isEmpty();
            assertThat(log.chainBreaks()).as("records that are not linear").isEmpty();
            Checks.Verdict verdict = Checks.verdict(loads, log);
            assertThat(verdict.problems()).as("requests vs stored entries after %s", when).isEmpty();
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.duplicates()).isZero();
            assertThat(verdict.refused()).as("refused requests left after their retries (answers other than 201: %s)",
                    loads.stream().flatMap(load -> load.unexpected().stream()).toList()).isZero();
            for (AppendLoad load : loads) {
                assertThat(load.unexpected()).as("answers other than 201 and 503 problem details").isEmpty();
                assertThat(load.refusals().keySet()).containsOnly("503 store-unavailable");
            }
            JsonNode result = Checks.verificationRun(app.http(), Duration.ofMinutes(2));
            assertThat(result.path("valid").asBoolean()).as("verification run after %s: %s", when, result).isTrue();
            assertThat(result.path("events").asLong()).isEqualTo(log.events().size());
            assertThat(result.path("logSize").asLong()).isEqualTo(log.events().size());
            assertThat(store.viewDifferences(log, officials)).as("view vs events after %s", when).isEmpty();
            return verdict;
        }
    }
}
