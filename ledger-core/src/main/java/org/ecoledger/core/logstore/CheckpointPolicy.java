package org.ecoledger.core.logstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the log signs a new checkpoint: once the tree has grown, at the latest {@code interval} after the previous
 * checkpoint, or sooner once {@code entries} leaves have been added since it. A log without any checkpoint signs one
 * at once (of the empty tree, on a new ledger). A clock that reads earlier than the previous checkpoint's signing time
 * (it was stepped back, or another node's clock is ahead) makes a checkpoint due at once too: otherwise new leaves
 * would wait for the clock to catch up, however long that takes.
 *
 * @param interval the longest time new leaves wait for a checkpoint
 * @param entries  the most new leaves before a checkpoint is due regardless of time
 */
public record CheckpointPolicy(Duration interval, long entries) {

    public CheckpointPolicy {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, was " + interval);
        }
        if (entries < 1) {
            throw new IllegalArgumentException("checkpoint entries must be at least 1, was " + entries);
        }
    }

    /** Whether a checkpoint of a tree of {@code size} leaves is due at {@code now}, after {@code latest}. */
    public boolean due(StoredCheckpoint latest, long size, Instant now) {
        if (latest == null) {
            return true;
        }
        if (size <= latest.size()) {
            return false;
        }
        return size - latest.size() >= entries || now.isBefore(latest.signedAt())
                || !now.isBefore(latest.signedAt().plus(interval));
    }
}
