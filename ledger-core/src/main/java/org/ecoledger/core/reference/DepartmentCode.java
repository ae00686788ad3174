package org.ecoledger.core.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 职能部门代码 (department code): identifies a government or party department ("管行业必须管环保", 003 Art. 2, 8).
 *
 * <p>Serialized as a plain JSON string ({@link #value()}). Validated on construction
 * ({@link Require#identifier(String, String)}): non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters,
 * no '/' and no control characters.
 *
 * <p>{@link #toString()} is the <b>aggregate identifier</b> of a department ({@code Department}):
 * {@code department/<value>}. Axon takes it for the events' aggregate identifier and for routing commands
 * ({@code @TargetAggregateIdentifier}), and the event store keys records by it alone, so the type prefix keeps an
 * official, a case, a jurisdiction and a department with the same value apart; as a value never holds '/', the
 * typed form is unambiguous. Messages for recorders show {@link #value()}.
 */
public record DepartmentCode(String value) {

    /** The prefix of this type's aggregate identifiers. */
    public static final String AGGREGATE_PREFIX = "department/";

    public DepartmentCode {
        Require.identifier(value, "code");
    }

    @JsonCreator
    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The aggregate identifier, {@code department/<value>}; see {@link #toString()}. */
    public String aggregateIdentifier() {
        return AGGREGATE_PREFIX + value;
    }

    /** The identifier whose {@link #aggregateIdentifier()} is {@code aggregateIdentifier}. */
    public static DepartmentCode fromAggregateIdentifier(String aggregateIdentifier) {
        return new DepartmentCode(Require.unprefixed(aggregateIdentifier, AGGREGATE_PREFIX, "a department"));
    }

    /** The aggregate identifier, {@code department/<value>}: what Axon stores and routes by. Not for messages. */
    @Override
    public String toString() {
        return aggregateIdentifier();
    }
}
