package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 责任书编号 (responsibility letter id), 000: identifies a yearly target responsibility letter.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record LetterId(String value) {

    public LetterId {
        Require.identifier(value, "letterId");
    }

    @JsonCreator
    public static LetterId of(String value) {
        return new LetterId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
