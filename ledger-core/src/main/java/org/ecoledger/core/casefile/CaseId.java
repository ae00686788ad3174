package org.ecoledger.core.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 交办件编号 (inspection case number): identifies one case assigned by central, provincial or city inspection (002).
 *
 * <p>Serialized as a plain JSON string ({@link #value()}). Validated on construction
 * ({@link Require#identifier(String, String)}): non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters,
 * no '/' and no control characters.
 *
 * <p>{@link #toString()} is the <b>aggregate identifier</b> of an inspection case ({@code CaseFile}):
 * {@code case/<value>}. Axon takes it for the events' aggregate identifier and for routing commands
 * ({@code @TargetAggregateIdentifier}), and the event store keys records by it alone, so the type prefix keeps an
 * official, a case, a jurisdiction and a department with the same value apart; as a value never holds '/', the
 * typed form is unambiguous. Messages for recorders show {@link #value()}.
 */
public record CaseId(String value) {

    /** The prefix of this type's aggregate identifiers. */
    public static final String AGGREGATE_PREFIX = "case/";

    public CaseId {
        Require.identifier(value, "caseId");
    }

    @JsonCreator
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The aggregate identifier, {@code case/<value>}; see {@link #toString()}. */
    public String aggregateIdentifier() {
        return AGGREGATE_PREFIX + value;
    }

    /** The identifier whose {@link #aggregateIdentifier()} is {@code aggregateIdentifier}. */
    public static CaseId fromAggregateIdentifier(String aggregateIdentifier) {
        return new CaseId(Require.unprefixed(aggregateIdentifier, AGGREGATE_PREFIX, "an inspection case"));
    }

    /** The aggregate identifier, {@code case/<value>}: what Axon stores and routes by. Not for messages. */
    @Override
    public String toString() {
        return aggregateIdentifier();
    }
}
