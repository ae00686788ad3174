package org.ecoledger.core.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 职能部门代码 (department code): identifies a government or party department ("管行业必须管环保", 003 Art. 2, 8).
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record DepartmentCode(String value) {

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

    @Override
    public String toString() {
        return value;
    }
}
