package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 领导干部编号 (official id): identifies one official's record, kept for life.
 *
 * <p>Serialized as a plain JSON string ({@link #value()}). Validated on construction
 * ({@link Require#identifier(String, String)}): non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters,
 * no '/' and no control characters.
 *
 * <p>{@link #toString()} is the <b>aggregate identifier</b> of an official's record ({@code OfficialRecord}):
 * {@code official/<value>}. Axon takes it for the events' aggregate identifier and for routing commands
 * ({@code @TargetAggregateIdentifier}), and the event store keys records by it alone, so the type prefix keeps an
 * official, a case, a jurisdiction and a department with the same value apart; as a value never holds '/', the
 * typed form is unambiguous. Messages for recorders show {@link #value()}.
 */
public record OfficialId(String value) {

    /** The prefix of this type's aggregate identifiers. */
    public static final String AGGREGATE_PREFIX = "official/";

    public OfficialId {
        Require.identifier(value, "officialId");
    }

    @JsonCreator
    public static OfficialId of(String value) {
        return new OfficialId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The aggregate identifier, {@code official/<value>}; see {@link #toString()}. */
    public String aggregateIdentifier() {
        return AGGREGATE_PREFIX + value;
    }

    /** The identifier whose {@link #aggregateIdentifier()} is {@code aggregateIdentifier}. */
    public static OfficialId fromAggregateIdentifier(String aggregateIdentifier) {
        return new OfficialId(Require.unprefixed(aggregateIdentifier, AGGREGATE_PREFIX, "an official"));
    }

    /** The aggregate identifier, {@code official/<value>}: what Axon stores and routes by. Not for messages. */
    @Override
    public String toString() {
        return aggregateIdentifier();
    }
}
