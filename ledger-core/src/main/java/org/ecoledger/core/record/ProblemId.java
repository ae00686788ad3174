package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 挂牌督办问题编号 (listed problem id), 003 Art. 15: identifies a prominent environmental problem under listed supervision.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record ProblemId(String value) {

    public ProblemId {
        Require.identifier(value, "problemId");
    }

    @JsonCreator
    public static ProblemId of(String value) {
        return new ProblemId(value);
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
