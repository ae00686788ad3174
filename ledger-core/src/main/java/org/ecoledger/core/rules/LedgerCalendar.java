package org.ecoledger.core.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * 台账日历 (the ledger's calendar): the injected {@link Clock} that stamps {@code recordedAt}, and the zone in which
 * "today" is read ({@code LEDGER_ZONE}, default Asia/Shanghai). Command handlers take it as a parameter (an Axon
 * resource), so tests and hashes are reproducible; core never reads the system clock itself.
 *
 * <p>The zone is kept apart from the clock's own zone on purpose: a UTC system clock and a Shanghai ledger are the
 * normal case, and "is 2018-05-01 in the future?" must be answered in the ledger's zone.
 */
public final class LedgerCalendar {

    /** The zone used when none is configured. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final ZoneId zone;

    public LedgerCalendar(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A calendar in {@link #DEFAULT_ZONE}. */
    public static LedgerCalendar of(Clock clock) {
        return new LedgerCalendar(clock, DEFAULT_ZONE);
    }

    /** The instant to stamp as {@code recordedAt}. */
    public Instant now() {
        return clock.instant();
    }

    /** Today's date in the ledger's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }
}
