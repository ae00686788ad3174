package org.ecoledger.projections.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * 截至 (as of): which entries of the ledger a view takes into account. {@link #now()} takes everything recorded, with
 * every correction applied. {@link #endOf(LocalDate, ZoneId)} takes what had been recorded by the end of that day in
 * the ledger's zone ({@code recordedAt} on or before the last instant of the day): later entries and later corrections
 * are not applied. {@link #at(Instant, ZoneId)} takes what had been recorded by that instant.
 *
 * @param cut  the last instant included; {@code null} for now
 * @param date the day the view is about (periods ending after it are still running); {@code null} for now
 */
public record AsOf(Instant cut, LocalDate date) {

    private static final AsOf NOW = new AsOf(null, null);

    public AsOf {
        if ((cut == null) != (date == null)) {
            throw new IllegalArgumentException("an as-of has both a cut and a date, or neither");
        }
    }

    public static AsOf now() {
        return NOW;
    }

    /** The end of {@code date} in {@code zone}: everything recorded on or before that day. */
    public static AsOf endOf(LocalDate date, ZoneId zone) {
        Objects.requireNonNull(date, "date");
        Instant cut = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        return new AsOf(cut, date);
    }

    /** Everything recorded at or before {@code instant}. */
    public static AsOf at(Instant instant, ZoneId zone) {
        return new AsOf(instant, LocalDate.ofInstant(instant, zone));
    }

    public boolean isNow() {
        return cut == null;
    }

    /** Whether an entry recorded at {@code recordedAt} is part of the view. */
    public boolean includes(Instant recordedAt) {
        return cut == null || !recordedAt.isAfter(cut);
    }

    /** The day the view is about: {@link #date()}, or {@code today} for now. */
    public LocalDate dateOr(LocalDate today) {
        return date == null ? today : date;
    }
}
