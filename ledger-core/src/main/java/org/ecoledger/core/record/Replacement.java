package org.ecoledger.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.Require;

/**
 * 更正内容 (the replacement of a correction): the corrected entry's fields, as a JSON object in the API's spelling.
 *
 * <p>Why a Jackson {@link ObjectNode} and not a {@code Map<String,Object>}: the payload is stored as a readable JSON
 * document and hashed, so what matters is the exact JSON value. A JSON tree keeps it as given (strings stay strings,
 * integers stay integers, nested arrays and objects keep their shape), serializes verbatim, compares structurally,
 * and lets us refuse non-JSON or fractional values by node type. A {@code Map<String,Object>} would admit any Java
 * object and would come back from storage as other Java types than it went in ({@code Long} vs {@code Integer},
 * {@code ArrayList} vs {@code List.of}), breaking equality. Numbers are canonicalized the way Jackson reads them
 * (int if it fits, else long, else big integer) so a stored event equals itself after a round trip.
 *
 * <p>Immutability: the event keeps its own copy and hands out copies.
 */
public final class Replacement {

    /** The optional field of a replacement that names its type; when given it must be the corrected type. */
    public static final String TYPE_FIELD = "type";
    /** Deepest nesting accepted in a replacement. */
    public static final int MAX_DEPTH = 8;

    private Replacement() {
    }

    /** A present, non-empty object of JSON values without fractional numbers; returns a canonical copy. */
    static ObjectNode requireShape(ObjectNode replacement, String field) {
        Require.present(replacement, field);
        if (replacement.isEmpty()) {
            throw new InvalidEntryException(field, "must hold the corrected entry's fields",
                                            "须包含被更正记录的各字段");
        }
        return (ObjectNode) canonical(replacement, field, 0);
    }

    /** A canonical deep copy (see the class comment); refuses fractional numbers and non-JSON nodes. */
    static ObjectNode canonicalCopy(ObjectNode replacement) {
        return (ObjectNode) canonical(replacement, "replacement", 0);
    }

    /** The type the replacement names in its {@value #TYPE_FIELD} field, if it names one. */
    static Optional<String> declaredType(ObjectNode replacement) {
        JsonNode type = replacement.get(TYPE_FIELD);
        return type == null || type.isNull() ? Optional.empty() : Optional.of(type.asText());
    }

    /**
     * The replacement's fields are those of {@code type}: no unknown field, every required one present and not null,
     * and for APPOINTED exactly one of jurisdictionCode and departmentCode.
     */
    static void requireFieldsOf(ObjectNode replacement, EntryType type) {
        for (Map.Entry<String, JsonNode> field : replacement.properties()) {
            if (!field.getKey().equals(TYPE_FIELD) && !type.allFields().contains(field.getKey())) {
                throw new InvalidEntryException("replacement." + field.getKey(), "is not a field of " + type,
                                                "不是" + type + "类记录的字段");
            }
        }
        for (String required : type.requiredFields()) {
            requirePresent(replacement, required);
        }
        for (String required : EntryType.COMMON_REQUIRED) {
            requirePresent(replacement, required);
        }
        if (type == EntryType.APPOINTED
                && isPresent(replacement, "jurisdictionCode") == isPresent(replacement, "departmentCode")) {
            throw new InvalidEntryException("replacement.jurisdictionCode",
                    "exactly one of jurisdictionCode and departmentCode is required",
                    "行政区域代码与职能部门代码须且只须填写一项");
        }
    }

    private static void requirePresent(ObjectNode replacement, String field) {
        if (!isPresent(replacement, field)) {
            throw new InvalidEntryException("replacement." + field, "is required", "必填");
        }
    }

    private static boolean isPresent(ObjectNode replacement, String field) {
        JsonNode value = replacement.get(field);
        return value != null && !value.isNull();
    }

    private static JsonNode canonical(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidEntryException(path, "is nested deeper than " + MAX_DEPTH + " levels",
                                            "嵌套超过" + MAX_DEPTH + "层");
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), canonical(field.getValue(), path + "." + field.getKey(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(canonical(node.get(i), path + "[" + i + "]", depth + 1));
            }
            return copy;
        }
        if (node.isNumber()) {
            if (!node.isIntegralNumber()) {
                throw new InvalidEntryException(path, "must be an integer: the ledger stores no fractional numbers",
                                                "须为整数：台账不记录小数");
            }
            BigInteger value = node.bigIntegerValue();
            if (value.bitLength() < Integer.SIZE) {
                return IntNode.valueOf(value.intValue());
            }
            if (value.bitLength() < Long.SIZE) {
                return LongNode.valueOf(value.longValue());
            }
            return BigIntegerNode.valueOf(value);
        }
        if (node.isTextual() || node.isBoolean() || node.isNull()) {
            return node.deepCopy();
        }
        throw new InvalidEntryException(path, "must be a string, a boolean, an integer, an array or an object",
                                        "须为文本、布尔值、整数、数组或对象");
    }
}
