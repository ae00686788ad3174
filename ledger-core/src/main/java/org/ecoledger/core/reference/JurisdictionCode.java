package org.ecoledger.core.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 行政区划代码 (jurisdiction code): the 12-digit statistical division code (e.g. {@code 130300000000}), or any unique string for test data.
 *
 * <p>Serialized as a plain JSON string ({@link #value()}). Validated on construction
 * ({@link Require#identifier(String, String)}): non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters,
 * no '/' and no control characters.
 *
 * <p>{@link #toString()} is the <b>aggregate identifier</b> of a jurisdiction ({@code Jurisdiction}):
 * {@code jurisdiction/<value>}. Axon takes it for the events' aggregate identifier and for routing commands
 * ({@code @TargetAggregateIdentifier}), and the event store keys records by it alone, so the type prefix keeps an
 * official, a case, a jurisdiction and a department with the same value apart; as a value never holds '/', the
 * typed form is unambiguous. Messages for recorders show {@link #value()}.
 */
public record JurisdictionCode(String value) {

    /** The prefix of this type's aggregate identifiers. */
    public static final String AGGREGATE_PREFIX = "jurisdiction/";

    public JurisdictionCode {
        Require.identifier(value, "code");
    }

    @JsonCreator
    public static JurisdictionCode of(String value) {
        return new JurisdictionCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The aggregate identifier, {@code jurisdiction/<value>}; see {@link #toString()}. */
    public String aggregateIdentifier() {
        return AGGREGATE_PREFIX + value;
    }

    /** The identifier whose {@link #aggregateIdentifier()} is {@code aggregateIdentifier}. */
    public static JurisdictionCode fromAggregateIdentifier(String aggregateIdentifier) {
        return new JurisdictionCode(Require.unprefixed(aggregateIdentifier, AGGREGATE_PREFIX, "a jurisdiction"));
    }

    /** The aggregate identifier, {@code jurisdiction/<value>}: what Axon stores and routes by. Not for messages. */
    @Override
    public String toString() {
        return aggregateIdentifier();
    }
}
