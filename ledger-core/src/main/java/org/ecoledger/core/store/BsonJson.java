package org.ecoledger.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.Iterator;
import java.util.Map;

/**
 * Converts between Jackson trees and BSON so that payloads and metadata are stored as plain documents any MongoDB
 * client can read, and are read back value for value. Integers keep their width (int32 or int64); only the value
 * kinds the canonical encoding allows round-trip, other BSON types read back as text marked {@code "$bson:<type>"}
 * so that a verifier reports them instead of failing.
 */
final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonJson() {
    }

    static BsonValue toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return BsonNull.VALUE;
        }
        if (node.isObject()) {
            BsonDocument document = new BsonDocument();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                document.append(field.getKey(), toBson(field.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            BsonArray array = new BsonArray();
            for (JsonNode element : node) {
                array.add(toBson(element));
            }
            return array;
        }
        if (node.isTextual()) {
            return new BsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return BsonBoolean.valueOf(node.booleanValue());
        }
        if (node.isInt() || node.isShort()) {
            return new BsonInt32(node.intValue());
        }
        if (node.isLong()) {
            return new BsonInt64(node.longValue());
        }
        if (node.isBigInteger() && node.bigIntegerValue().bitLength() < 64) {
            return new BsonInt64(node.longValue());
        }
        if (node.isNumber()) {
            // The canonical encoding refuses these before anything is stored; kept for completeness.
            return new BsonDouble(node.doubleValue());
        }
        throw new IllegalArgumentException("A ledger entry cannot hold a value of kind " + node.getNodeType());
    }

    static BsonDocument toBsonDocument(JsonNode node) {
        BsonValue value = toBson(node);
        if (!value.isDocument()) {
            throw new IllegalArgumentException("Expected a JSON object, got " + node.getNodeType());
        }
        return value.asDocument();
    }

    static JsonNode toJson(BsonValue value) {
        if (value == null || value.isNull()) {
            return NODES.nullNode();
        }
        switch (value.getBsonType()) {
            case DOCUMENT: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    object.set(field.getKey(), toJson(field.getValue()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (BsonValue element : value.asArray()) {
                    array.add(toJson(element));
                }
                return array;
            }
            case STRING:
                return NODES.textNode(value.asString().getValue());
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean().getValue());
            case INT32:
                return NODES.numberNode(value.asInt32().getValue());
            case INT64:
                return NODES.numberNode(value.asInt64().getValue());
            case DOUBLE:
                return NODES.numberNode(value.asDouble().getValue());
            case DECIMAL128:
                return NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
            default:
                return NODES.textNode("$bson:" + value.getBsonType().name());
        }
    }

    static long toLong(BsonValue value) {
        if (value.isInt32()) {
            return value.asInt32().getValue();
        }
        if (value.isInt64()) {
            return value.asInt64().getValue();
        }
        if (value.isDouble() && value.asDouble().getValue() == Math.rint(value.asDouble().getValue())) {
            return (long) value.asDouble().getValue();
        }
        throw new IllegalArgumentException("Expected an integer, found " + value.getBsonType());
    }

}
