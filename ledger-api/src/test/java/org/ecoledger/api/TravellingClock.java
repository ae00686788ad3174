package org.ecoledger.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for {@link RunningLedger#start(java.nio.file.Path, Clock, String...)} that runs at the system clock's pace
 * from wherever a test sets it: {@link #travelTo(LocalDate, ZoneId)} sets it to 10:00 that day (the ledger then
 * records entries "on that day"), {@link #backToNow()} back to the system's time.
 */
public final class TravellingClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads 10:00 of {@code day} in {@code zone}, and runs on from there. */
    public void travelTo(LocalDate day, ZoneId zone) {
        travelTo(day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant());
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public void travelTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void backToNow() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TravellingClock traveller = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return traveller.withZone(other);
            }

            @Override
            public Instant instant() {
                return traveller.instant();
            }
        };
    }
}
