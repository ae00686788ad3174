package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 问责案件编号 (accountability case id), 003 Art. 16, 19, 20; 002: identifies an accountability or lifetime-accountability case handled by discipline inspection. Not the inspection case ({@code CaseId}) of a 督察交办件.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record AccountabilityCaseId(String value) {

    public AccountabilityCaseId {
        Require.identifier(value, "caseId");
    }

    @JsonCreator
    public static AccountabilityCaseId of(String value) {
        return new AccountabilityCaseId(value);
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
