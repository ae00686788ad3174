package org.ecoledger.core.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 交办件编号 (inspection case number): identifies one case assigned by central, provincial or city inspection (002).
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record CaseId(String value) {

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

    @Override
    public String toString() {
        return value;
    }
}
