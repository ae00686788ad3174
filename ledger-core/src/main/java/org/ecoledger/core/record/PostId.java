package org.ecoledger.core.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ecoledger.core.rules.Require;

/**
 * 岗位编号 (post id): identifies a post (a position at a jurisdiction or department); an official may hold it over one or more tenures.
 *
 * <p>Serialized as a plain JSON string. Validated on construction ({@link Require#identifier(String, String)}):
 * non-blank, at most {@value Require#MAX_IDENTIFIER_LENGTH} characters, no '/' and no control characters.
 */
public record PostId(String value) {

    public PostId {
        Require.identifier(value, "postId");
    }

    @JsonCreator
    public static PostId of(String value) {
        return new PostId(value);
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
