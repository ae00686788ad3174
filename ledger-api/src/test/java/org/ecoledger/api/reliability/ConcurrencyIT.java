package org.ecoledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ecoledger.core.record.OfficialId;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Concurrency: 16 HTTP clients append to 10 officials at once, every client to every official (so appends to one
 * record race all the time), on the packaged application and its embedded store. Counts are exact: each official ends
 * with exactly its share, every chain is one straight line (sequences 0…n, each {@code prevHash} the hash before it),
 * nothing is lost or doubled, and the views and a verification run agree. 25 entries per official in CI, 10,000 with
 * {@code -Dreliability.long=true} ({@code -Dreliability.concurrency.entries=N} to choose).
 */
class ConcurrencyIT {

    private static final int CLIENTS = 16;
    private static final int OFFICIALS = 10;

    @Test
    void sixteenClients_tenOfficials_exactCounts_andEveryChainLinear() {
        int perOfficial = Reliability.setting("concurrency.entries", 25, 10_000);
        long total = (long) perOfficial * OFFICIALS;
        Path work = Reliability.workDirectory("concurrency");
        try (LedgerProcess app = LedgerProcess.app("concurrency-app", work.resolve("data"))) {
            app.start();
            List<String> officials = LedgerSetup.officials(app.http(), "conc", OFFICIALS);
            AppendLoad load = new AppendLoad("c", officials, CLIENTS, client -> List.of(app.http()), total).start();
            // A safety net, not a speed target: at least 2 appends a second (a busy shared machine does 4).
            load.awaitDone(Duration.ofSeconds(Math.max(300, total / 2)));
            load.stop();
            Duration appending = load.elapsed();
            assertThat(load.unexpected()).as("answers other than 201").isEmpty();
            assertThat(load.refusals()).as("refusals").isEmpty();
            assertThat(load.unanswered()).as("unanswered").isEmpty();
            assertThat(load.acks()).hasSize((int) total);

            // Each record verified on its own (these reads are logged: they append to the access log, not to the records).
            for (String official : officials) {
                JsonNode verification = app.http().get("auditor", "/api/v1/officials/" + official + "/verification")
                                           .json();
                assertThat(verification.path("valid").asBoolean()).as("%s", verification).isTrue();
                assertThat(verification.path("entries").asInt()).isEqualTo(perOfficial + 2);
            }

            Instant converging = Instant.now();
            Checks.awaitCaughtUp(List.of(app), Duration.ofMinutes(30));
            Duration catchUp = Duration.between(converging, Instant.now());
            try (StoreInspector store = new StoreInspector(app.storeAddress())) {
                StoreInspector.EventLog log = store.events();
                assertThat(log.holes()).as("holes in the global index").isEmpty();
                assertThat(log.chainBreaks()).as("records that are not linear").isEmpty();
                Checks.Verdict verdict = Checks.verdict(List.of(load), log);
                assertThat(verdict.problems()).isEmpty();
                assertThat(verdict.found()).isEqualTo((int) total);

                Map<String, Integer> lengths = new TreeMap<>();
                log.byRecord().forEach((record, events) -> lengths.put(record, events.size()));
                for (String official : officials) {
                    // the registration, the appointment, and the official's share of the load
                    assertThat(lengths.get(OfficialId.of(official).aggregateIdentifier()))
                            .as("entries of %s", official).isEqualTo(perOfficial + 2);
                }
                assertThat(store.viewDifferences(log, officials)).as("view vs events").isEmpty();

                Instant verifying = Instant.now();
                JsonNode result = Checks.verificationRun(app.http(), Duration.ofMinutes(30));
                assertThat(result.path("valid").asBoolean()).as("verification run: %s", result).isTrue();
                assertThat(result.path("logSize").asLong()).isEqualTo(log.events().size());
                Checks.report("concurrency", CLIENTS + " clients x " + OFFICIALS + " officials x " + perOfficial
                        + " entries: " + verdict.summary() + "; every chain linear; appended in "
                        + appending.toSeconds() + " s (" + Math.round(total / Math.max(0.001,
                        appending.toMillis() / 1000.0)) + "/s), views caught up " + catchUp.toSeconds()
                        + " s later, verification run of " + result.path("events").asLong() + " events "
                        + Duration.between(verifying, Instant.now()).toSeconds() + " s");
            }
        }
    }
}
