package org.ecoledger.projections.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * JSON trees as BSON documents and back, value for value: objects, arrays, strings, booleans, null and integers
 * (int, long, and big integers as Decimal128). A tree read back equals the tree written, which is what lets the
 * projection's stored entries fold exactly like the event store's. Fractional numbers never occur (the ledger
 * refuses them) and are refused here too.
 */
public final class JsonDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonDocuments() {
    }

    public static Document toDocument(ObjectNode object) {
        Document document = new Document();
        object.fields().forEachRemaining(field -> document.put(field.getKey(), toValue(field.getValue())));
        return document;
    }

    public static ObjectNode toObject(Document document) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            object.set(field.getKey(), toNode(field.getValue()));
        }
        return object;
    }

    private static Object toValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return toDocument((ObjectNode) node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toValue(item)));
            return list;
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            return new Decimal128(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            throw new IllegalArgumentException("fractional numbers are not stored: " + node);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Document document) {
            return toObject(document);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toNode(item)));
            return array;
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Decimal128 d) {
            BigInteger big = d.bigDecimalValue().toBigIntegerExact();
            return NODES.numberNode(big);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        throw new IllegalArgumentException("unexpected stored value " + value.getClass().getName());
    }
}
