package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 领导干部编号 (official id): identifies one official's record, kept for life.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record OfficialId(String value) {

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

    @Override
    public String toString() {
        return value;
    }
}
