package org.ecoledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.GenericEventMessage;
import org.ecoledger.api.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clock: the clock is stepped back two hours while two clients append (as an NTP step would do to a server). Entries
 * recorded after the step carry earlier timestamps than entries before them, and nothing else changes: the global
 * index and each record's sequence still order everything, every chain and the log verify, checkpoints go on being
 * signed (though the clock now reads earlier than the last signature), the views hold exactly the events, and a read
 * as of an instant is a prefix of the record. In-process, because the test steps the application's {@link Clock}
 * bean and Axon's event clock.
 */
class ClockStepBackTest {

    private static final SteppedClock CLOCK = new SteppedClock();
    private static final Duration STEP = Duration.ofHours(2);

    /** The system clock plus an offset the test moves. */
    static final class SteppedClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void stepBack(Duration by) {
            offset.updateAndGet(current -> current.minus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the ledger's clock is in UTC");
        }
    }

    /** Replaces the application's clock ({@code ledgerClock}) for this test. */
    @Configuration(proxyBeanMethods = false)
    static class SteppedClockConfiguration {
        @Bean
        @Primary
        Clock steppedClock() {
            return CLOCK;
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void aClockSteppedBackDuringAppends_breaksNeitherOrderNorVerification() {
        Clock axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = CLOCK; // the events' timestamps come from Axon's clock
        try (RunningLedger ledger = RunningLedger.startWith(List.of(SteppedClockConfiguration.class), dataDir,
                "--ledger.log.checkpoint-interval=1s")) {
            Http http = new Http(ledger.baseUrl());
            List<String> officials = LedgerSetup.officials(http, "clock", 2);
            AppendLoad load = new AppendLoad("k", officials, 2, client -> List.of(http), 80).start();
            load.awaitAcks(30, Duration.ofMinutes(2));
            CLOCK.stepBack(STEP);
            load.awaitDone(Duration.ofMinutes(3)).stop();
            assertThat(load.acks()).hasSize(80);
            assertThat(load.unexpected()).isEmpty();

            Checks.awaitCaughtUp(http, Duration.ofMinutes(1));
            try (StoreInspector store = new StoreInspector(Checks.storeAddress(http))) {
                StoreInspector.EventLog log = store.events();
                assertThat(log.holes()).isEmpty();
                assertThat(log.chainBreaks()).isEmpty();
                assertThat(Checks.verdict(List.of(load), log).problems()).isEmpty();
                assertThat(timeWentBack(log.events())).as("an event stamped earlier than the one before it in the "
                                                           + "global order").isTrue();
                assertThat(store.viewDifferences(log, officials)).isEmpty();

                // Checkpoints are still signed although the clock reads earlier than the last signature.
                long size = log.events().size();
                Reliability.await("a checkpoint of the whole log after the step", Duration.ofSeconds(30),
                                  () -> checkpointSize(http) >= size);

                JsonNode result = Checks.verificationRun(http, Duration.ofMinutes(1));
                assertThat(result.path("valid").asBoolean()).as("%s", result).isTrue();
                assertThat(result.path("events").asLong()).isEqualTo(size);
            }
            for (String official : officials) {
                JsonNode verification = http.get("auditor", "/api/v1/officials/" + official + "/verification").json();
                assertThat(verification.path("valid").asBoolean()).as("%s", verification).isTrue();
                assertAsOfReadsArePrefixes(http, official);
            }
        } finally {
            GenericEventMessage.clock = axonClock;
        }
    }

    /** A read as of the instant of an entry before the step is the record up to that entry, without later ones. */
    private static void assertAsOfReadsArePrefixes(Http http, String official) {
        JsonNode all = http.get("auditor", "/api/v1/officials/" + official + "/entries").json();
        List<Instant> stamps = new ArrayList<>();
        all.forEach(entry -> stamps.add(Instant.parse(entry.path("recordedAt").asText())));
        int stepAt = 1;
        while (stepAt < stamps.size() && !stamps.get(stepAt).isBefore(stamps.get(stepAt - 1))) {
            stepAt++;
        }
        assertThat(stepAt).as("%s has entries after the step", official).isLessThan(stamps.size());
        int cut = 2; // the first meeting, recorded before the step
        Instant asOf = stamps.get(cut);
        assertThat(stamps.subList(stepAt, stamps.size())).as("entries after the step are stamped before %s", asOf)
                                                        .allMatch(stamp -> stamp.isBefore(asOf));

        JsonNode prefix = http.get("auditor", "/api/v1/officials/" + official + "/entries?asOf=" + asOf).json();
        List<Long> sequences = new ArrayList<>();
        prefix.forEach(entry -> sequences.add(entry.path("sequence").asLong()));
        List<Long> expected = new ArrayList<>();
        for (long sequence = 0; sequence <= cut; sequence++) {
            expected.add(sequence);
        }
        assertThat(sequences).as("entries as of %s", asOf).isEqualTo(expected);
    }

    private static boolean timeWentBack(List<StoreInspector.StoredEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            if (Instant.parse(events.get(i).timestamp()).isBefore(Instant.parse(events.get(i - 1).timestamp()))) {
                return true;
            }
        }
        return false;
    }

    private static long checkpointSize(Http http) {
        Http.Answer answer = http.get("auditor", "/api/v1/log/checkpoint");
        if (answer.status() != 200) {
            return -1;
        }
        return Long.parseLong(answer.body().lines().skip(1).findFirst().orElse("-1").strip());
    }
}
