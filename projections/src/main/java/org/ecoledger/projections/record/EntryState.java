package org.ecoledger.projections.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.record.EntryType;

/**
 * 条目 (an entry as the view shows it): the corrected fields when corrections apply, with the sequences of those
 * corrections (the latest one's replacement is in force).
 *
 * @param occurredOn     the date of the fact, corrected if a correction changed it
 * @param recordedAt     when the entry itself was recorded
 * @param fields         the fields in force, in the API's spelling
 * @param originalFields the fields as first recorded
 * @param correctedBy    sequences of the corrections applied, in order; empty when uncorrected
 */
public record EntryState(long sequence, EntryType type, LocalDate occurredOn, Instant recordedAt, String recordedBy,
                         ObjectNode fields, ObjectNode originalFields, List<Long> correctedBy) {

    public EntryState {
        fields = fields.deepCopy();
        originalFields = originalFields.deepCopy();
        correctedBy = List.copyOf(correctedBy);
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    @Override
    public ObjectNode originalFields() {
        return originalFields.deepCopy();
    }

    public boolean corrected() {
        return !correctedBy.isEmpty();
    }

    public String text(String field) {
        return RecordEntry.text(fields, field);
    }

    public LocalDate date(String field) {
        return RecordEntry.date(fields, field);
    }

    public Long integer(String field) {
        return RecordEntry.integer(fields, field);
    }

    public List<String> texts(String field) {
        return RecordEntry.texts(fields, field);
    }

    public List<Integer> ints(String field) {
        return RecordEntry.ints(fields, field);
    }
}
