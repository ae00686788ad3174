package org.ecoledger.core.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Fixed clocks for tests: "now" is 2019-06-30T04:00:00Z, noon of 2019-06-30 in Asia/Shanghai. */
public final class TestCalendars {

    public static final Instant NOW = Instant.parse("2019-06-30T04:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2019, 6, 30);
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The ledger's calendar on a UTC system clock, read in Shanghai. */
    public static final LedgerCalendar CALENDAR = new LedgerCalendar(Clock.fixed(NOW, ZoneOffset.UTC), SHANGHAI);
    /** Who records, in tests. */
    public static final String RECORDER = "recorder@qhd-eco-office";

    private TestCalendars() {
    }
}
