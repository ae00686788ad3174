package org.ecoledger.projections.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecoledger.core.record.EntryType;

/**
 * 档案条目 (one event of an official's record, normalized): its sequence, its entry type ({@code null} for the
 * registration at sequence 0), the dates, and its fields as a JSON object in the API's spelling — the same shape a
 * correction's {@code replacement} has, so that a correction simply replaces an entry's fields. Built from the event
 * by {@link RecordEntries}, stored as is by the projection, and folded by {@link RecordFold}.
 *
 * <p>{@code fields} holds the entry's own fields plus {@code occurredOn} and {@code sourceDocument} (when given), all
 * as JSON strings, integers and arrays; for the registration, {@code name}.
 */
public record RecordEntry(String officialId, long sequence, EntryType type, LocalDate occurredOn, Instant recordedAt,
                          String recordedBy, ObjectNode fields) {

    public RecordEntry {
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(fields, "fields");
        fields = fields.deepCopy();
    }

    /** A copy: the entry stays immutable. */
    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    public boolean isRegistration() {
        return type == null;
    }

    /** The storage key of this entry: {@code officialId#sequence}. */
    public String key() {
        return key(officialId, sequence);
    }

    public static String key(String officialId, long sequence) {
        return officialId + "#" + sequence;
    }

    // ------------------------------------------------------------ typed reads of fields (null when absent)

    public String text(String field) {
        return text(fields, field);
    }

    static String text(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static LocalDate date(ObjectNode fields, String field) {
        String text = text(fields, field);
        return text == null ? null : LocalDate.parse(text);
    }

    static Long integer(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        return value == null || !value.canConvertToLong() ? null : value.longValue();
    }

    static List<String> texts(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    static List<Integer> ints(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        List<Integer> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> out.add(item.intValue()));
        }
        return out;
    }
}
