package org.ecoledger.core.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.record.OfficialId;

/**
 * 查阅记录编号 (access log id): identifies the access log of one official's record; its value is the official's id.
 *
 * <p>Serialized as a plain JSON string ({@link #value()}). {@link #toString()} is the <b>aggregate identifier</b> of
 * the log ({@link AccessLog}): {@code access/<officialId>}, kept apart from the record itself ({@code official/…}).
 */
public record AccessLogId(String value) {

    /** The prefix of this type's aggregate identifiers. */
    public static final String AGGREGATE_PREFIX = "access/";

    public AccessLogId {
        value = OfficialId.of(value).value();
    }

    @JsonCreator
    public static AccessLogId of(String value) {
        return new AccessLogId(value);
    }

    /** The access log of {@code officialId}'s record. */
    public static AccessLogId of(OfficialId officialId) {
        return new AccessLogId(officialId.value());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The official whose record this log is about. */
    public OfficialId officialId() {
        return OfficialId.of(value);
    }

    /** The aggregate identifier, {@code access/<officialId>}; see {@link #toString()}. */
    public String aggregateIdentifier() {
        return AGGREGATE_PREFIX + value;
    }

    /** The aggregate identifier, {@code access/<officialId>}: what Axon stores and routes by. Not for messages. */
    @Override
    public String toString() {
        return aggregateIdentifier();
    }
}
