package org.ecoledger.core.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 更正 (correction): supersedes the entry at {@code correctsSequence} in views; the corrected entry stays.
 * {@code replacement} holds the corrected entry's fields as a JSON object in the API's spelling (see
 * {@link Replacement} for why a JSON object).
 */
@Revision("1")
public record EntryCorrectedEvent(
        OfficialId officialId,
        long correctsSequence,
        EntryType correctedType,
        String reason,
        String approvedBy,
        ObjectNode replacement,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {

    public EntryCorrectedEvent {
        replacement = replacement == null ? null : Replacement.canonicalCopy(replacement);
    }

    /** A copy: the event stays immutable. */
    @Override
    public ObjectNode replacement() {
        return replacement == null ? null : replacement.deepCopy();
    }
}
