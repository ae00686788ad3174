package org.ecoledger.core.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a checkpoint is due: grown by enough entries, or the interval passed, or the clock went back behind it. */
class CheckpointPolicyTest {

    private static final Instant SIGNED = Instant.parse("2026-05-01T08:00:00Z");
    private final CheckpointPolicy policy = new CheckpointPolicy(Duration.ofSeconds(10), 1_000);
    private final StoredCheckpoint latest = new StoredCheckpoint(100, "note", SIGNED, 90, List.of());

    @Test
    void aLogWithoutCheckpoint_signsAtOnce() {
        assertThat(policy.due(null, 0, SIGNED)).isTrue();
    }

    @Test
    void nothingNew_isNeverDue() {
        assertThat(policy.due(latest, 100, SIGNED.plusSeconds(3_600))).isFalse();
        assertThat(policy.due(latest, 100, SIGNED.minusSeconds(3_600))).isFalse();
    }

    @Test
    void newLeaves_waitForTheInterval_orForEnoughEntries() {
        assertThat(policy.due(latest, 101, SIGNED.plusSeconds(9))).isFalse();
        assertThat(policy.due(latest, 101, SIGNED.plusSeconds(10))).isTrue();
        assertThat(policy.due(latest, 1_100, SIGNED.plusSeconds(1))).isTrue();
    }

    @Test
    void aClockSteppedBackBehindTheLatestCheckpoint_makesNewLeavesDueAtOnce() {
        assertThat(policy.due(latest, 101, SIGNED.minusSeconds(3_600))).isTrue();
        assertThat(policy.due(latest, 101, SIGNED.minusNanos(1))).isTrue();
    }
}
