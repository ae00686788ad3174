package org.ecoledger.api.http.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.ecoledger.api.http.problems.ApiException;

/**
 * An {@code asOf} parameter (API.md): a date means the end of that day in the ledger's zone ({@code LEDGER_ZONE}),
 * an instant that instant. {@link #includes(Instant)} says whether something recorded at a given instant had been
 * recorded by then.
 *
 * @param text   the parameter as given
 * @param cutoff the first instant that is no longer included
 */
public record AsOf(String text, Instant cutoff) {

    /**
     * @throws ApiException (400, field {@code parameter}) when the text is neither a date nor an instant
     */
    public static AsOf parse(String parameter, String text, ZoneId zone) {
        try {
            if (text.contains("T")) {
                return new AsOf(text, Instant.parse(text).plusNanos(1));
            }
            LocalDate date = LocalDate.parse(text);
            return new AsOf(text, date.plusDays(1).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.badField(parameter, "must be a date (YYYY-MM-DD, the end of that day in the ledger's "
                                                           + "zone) or an instant (e.g. 2018-05-01T08:00:00Z)");
        }
    }

    /** Whether something recorded at {@code recordedAt} had been recorded by this point in time. */
    public boolean includes(Instant recordedAt) {
        return recordedAt.isBefore(cutoff);
    }
}
