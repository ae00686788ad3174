package org.ecoledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crash: {@code kill -9} of the application on the embedded default while 4 clients append, round after round (2 in
 * CI, 20 with {@code -Dreliability.long=true}). After each restart: every entry answered 201 is stored where the answer
 * said, no request is stored twice, the global index has no hole, a verification run finds every chain and the log
 * intact (the log has a leaf for every event), and the official-record view holds exactly the events.
 */
class CrashIT {

    private static final int CLIENTS = 4;
    private static final int OFFICIALS = 8;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void killMinus9DuringAppends_losesNothingAcknowledged_andStoresNothingTwice() {
        int rounds = Reliability.setting("crash.rounds", 2, 20);
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        Path work = Reliability.workDirectory("crash");
        Instant begun = Instant.now();
        List<AppendLoad> loads = new ArrayList<>();
        List<Long> restartMillis = new ArrayList<>();
        try (LedgerProcess app = LedgerProcess.app("crash-app", work.resolve("data"))) {
            app.start();
            List<String> officials = LedgerSetup.officials(app.http(), "crash", OFFICIALS);
            for (int round = 1; round <= rounds; round++) {
                AppendLoad load = new AppendLoad("r" + round, officials, CLIENTS, client -> List.of(app.http()),
                                                 Long.MAX_VALUE).start();
                loads.add(load);
                // Kill at an arbitrary point: after some acknowledgements, then a little more time.
                load.awaitAcks(Reliability.scaled(10, 20) + random.nextInt(Reliability.scaled(60, 120)), LOAD_TIMEOUT);
                Reliability.sleep(Duration.ofMillis(random.nextInt(400)));
                app.kill();
                load.stop();

                Instant restart = Instant.now();
                app.start();
                restartMillis.add(Duration.between(restart, Instant.now()).toMillis());
                Checks.awaitCaughtUp(List.of(app), Duration.ofMinutes(2));

                Checks.Verdict verdict = check(app, officials, loads, "round " + round);
                Checks.report("crash", "round " + round + ": " + verdict.summary() + "; this round: "
                        + load.acks().size() + " acknowledged, " + load.unanswered().size() + " unanswered; restart "
                        + restartMillis.get(restartMillis.size() - 1) + " ms");
            }
        }
        int acknowledged = loads.stream().mapToInt(load -> load.acks().size()).sum();
        Checks.report("crash", rounds + " rounds of kill -9, " + CLIENTS + " clients, " + OFFICIALS + " officials: "
                + acknowledged + " acknowledged in all; restarts " + restartMillis + " ms; seed " + seed + "; "
                + Duration.between(begun, Instant.now()).toSeconds() + " s in all");
    }

    /** Every check of a round; fails with the evidence. */
    static Checks.Verdict check(LedgerProcess app, List<String> officials, List<AppendLoad> loads, String when) {
        try (StoreInspector store = new StoreInspector(app.storeAddress())) {
            StoreInspector.EventLog log = store.events();
            assertThat(log.holes()).as("holes in the global index after %s", when).isEmpty();
            assertThat(log.chainBreaks()).as("records that are not linear").isEmpty();

            Checks.Verdict verdict = Checks.verdict(loads, log);
            assertThat(verdict.problems()).as("requests vs stored entries after %s", when).isEmpty();
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.duplicates()).isZero();
            assertThat(verdict.found()).isEqualTo(verdict.acknowledged()).isPositive();
            for (AppendLoad load : loads) {
                assertThat(load.unexpected()).as("answers other than 201 and problem details").isEmpty();
            }

            JsonNode result = Checks.verificationRun(app.http(), Duration.ofMinutes(2));
            assertThat(result.path("valid").asBoolean()).as("verification run after %s: %s", when, result).isTrue();
            assertThat(result.path("events").asLong()).as("events verified").isEqualTo(log.events().size());
            assertThat(result.path("logSize").asLong()).as("log leaves").isEqualTo(log.events().size());

            assertThat(store.viewDifferences(log, officials)).as("official-record view vs events after %s", when)
                                                              .isEmpty();
            return verdict;
        }
    }
}
