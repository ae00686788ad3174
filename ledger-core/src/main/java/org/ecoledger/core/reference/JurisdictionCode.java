package org.ecoledger.core.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 行政区划代码 (jurisdiction code): the 12-digit statistical division code (e.g. {@code 130300000000}), or any unique string for test data.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record JurisdictionCode(String value) {

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

    @Override
    public String toString() {
        return value;
    }
}
