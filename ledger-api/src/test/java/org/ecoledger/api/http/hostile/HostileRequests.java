package org.ecoledger.api.http.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of malformed requests for one write path ({@link Target}): each takes the path's valid body and breaks
 * it in one way that makes it invalid by construction — a required field removed or null, a value of the wrong JSON
 * type, an invalid date or enum value, an empty, blank, huge or non-Unicode string, an identifier with a '/' or a
 * control character, an operator-like object where a value belongs, an extra field, deep nesting, a duplicate key,
 * a truncated or trailing-garbage body, a non-object body, invalid UTF-8 bytes, a wrong content type, an oversized
 * body, a malformed {@code Idempotency-Key}, or an operator-like or unknown identifier in the path.
 */
final class HostileRequests {

    /** Writes every non-ASCII character as a {@code \\uXXXX} escape, so a lone surrogate reaches the server as such. */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                                                                                   .maxNestingDepth(10_000).build())
                            .build())
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a field holds, which decides how it can be broken. */
    enum Kind { ID, TEXT, DATE, ENUM, INT, TEXTS, INTS, OBJECT }

    /** A field of a path's body: its kind and whether it must be given. */
    record Field(String name, Kind kind, boolean required) {
    }

    /**
     * A write path: who may call it, its valid body (an object, or null for a path that takes none), its fields,
     * whether unknown fields are refused, and the path as a template ({@code {id}} for an identifier in the path,
     * which {@code pathId} fills).
     */
    record Target(String name, String user, String pathTemplate, String pathId, ObjectNode body, List<Field> fields,
                  boolean strictFields) {

        String path(String id) {
            return id == null ? pathTemplate : pathTemplate.replace("{id}", id);
        }

        String path() {
            return path(pathId);
        }

        List<Field> required() {
            return fields.stream().filter(Field::required).toList();
        }
    }

    /** One request: where, how, and what was broken (the description shows in a failure report). */
    record Request(String target, String user, String path, String contentType, byte[] body, boolean chunked,
                   Map<String, String> headers, String broken) {

        @Override
        public String toString() {
            String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            String shown = text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
            return target + ": " + broken + " → POST " + path + " [" + contentType + "] " + headers + " " + shown;
        }
    }

    private HostileRequests() {
    }

    /** Every kind of broken request for {@code target}. */
    static Arbitrary<Request> of(Target target) {
        List<Arbitrary<Request>> kinds = new ArrayList<>();
        if (target.body() != null) {
            kinds.add(brokenField(target));
            kinds.add(duplicateKey(target));
            kinds.add(truncated(target));
            kinds.add(trailing(target));
        }
        if (target.strictFields() && target.body() != null) {
            kinds.add(extraField(target));
        }
        kinds.add(notAnObject(target));
        kinds.add(invalidUtf8(target));
        kinds.add(wrongContentType(target));
        kinds.add(oversized(target));
        if (target.body() != null) {
            kinds.add(badIdempotencyKey(target));
        }
        if (target.pathTemplate().contains("{id}")) {
            kinds.add(unknownPathId(target));
        }
        return Arbitraries.oneOf(kinds);
    }

    // ------------------------------------------------------------------------------------------- field mutations

    private static Arbitrary<Request> brokenField(Target target) {
        return Arbitraries.of(target.fields()).flatMap(field -> Arbitraries.of(mutations(field)).flatMap(
                mutation -> mutation.value(field).map(value -> {
                    ObjectNode body = target.body().deepCopy();
                    String broken;
                    if (value == REMOVE) {
                        body.remove(field.name());
                        broken = "required " + field.name() + " removed";
                    } else {
                        body.set(field.name(), value);
                        broken = field.name() + " (" + field.kind() + ") " + mutation.name() + ": "
                                + abbreviate(write(value));
                    }
                    return json(target, body, broken);
                })));
    }

    /** A marker for "remove the field". */
    private static final JsonNode REMOVE = NODES.textNode("\u0000remove\u0000");

    /** A way to break a field, and the values it produces. */
    private record Mutation(String name, Arbitrary<JsonNode> values) {
        Arbitrary<JsonNode> value(Field field) {
            return values;
        }
    }

    private static List<Mutation> mutations(Field field) {
        List<Mutation> mutations = new ArrayList<>();
        if (field.required()) {
            mutations.add(new Mutation("removed", Arbitraries.just(REMOVE)));
            mutations.add(new Mutation("null", Arbitraries.just(NODES.nullNode())));
        }
        mutations.add(new Mutation("wrong type", wrongType(field.kind())));
        boolean string = field.kind() == Kind.ID || field.kind() == Kind.TEXT || field.kind() == Kind.DATE
                || field.kind() == Kind.ENUM;
        if (string) {
            mutations.add(new Mutation("huge string", hugeString(field.kind() == Kind.ID ? 129 : 4_001)));
            mutations.add(new Mutation("operator object", operatorObject()));
            if (field.required() || field.kind() == Kind.ID || field.kind() == Kind.TEXT) {
                mutations.add(new Mutation("empty or blank", Arbitraries.of("", " ", "   ", "\t", "\n")
                                                                       .map(NODES::textNode)));
            }
        }
        switch (field.kind()) {
            case ID -> {
                mutations.add(new Mutation("bad identifier", badIdentifier()));
                mutations.add(new Mutation("lone surrogate", loneSurrogate()));
            }
            case TEXT -> mutations.add(new Mutation("lone surrogate", loneSurrogate()));
            case DATE -> mutations.add(new Mutation("invalid date", invalidDate()));
            case ENUM -> mutations.add(new Mutation("invalid value", invalidEnum()));
            case INT -> mutations.add(new Mutation("not an integer", notAnInteger()));
            case TEXTS -> mutations.add(new Mutation("bad items", badTextItems()));
            case INTS -> mutations.add(new Mutation("bad items", badIntItems()));
            case OBJECT -> mutations.add(new Mutation("not an object", Arbitraries.of(
                    NODES.textNode("{}"), NODES.numberNode(1), NODES.arrayNode())));
        }
        mutations.add(new Mutation("deep nesting", deepNesting()));
        return mutations;
    }

    /** A value of a JSON type the kind never accepts. */
    private static Arbitrary<JsonNode> wrongType(Kind kind) {
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        values.add(Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false)));
        switch (kind) {
            case ID, TEXT, DATE, ENUM -> {
                values.add(Arbitraries.integers().map(NODES::numberNode));
                values.add(Arbitraries.doubles().map(NODES::numberNode));
                values.add(Arbitraries.just(NODES.arrayNode().add("x")));
                values.add(Arbitraries.just(NODES.objectNode().put("value", "x")));
            }
            case INT -> {
                values.add(Arbitraries.strings().ofMaxLength(12).map(NODES::textNode));
                values.add(Arbitraries.just(NODES.arrayNode().add(1)));
                values.add(Arbitraries.just(NODES.objectNode().put("value", 1)));
            }
            case TEXTS, INTS -> {
                values.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(NODES::textNode));
                values.add(Arbitraries.integers().map(NODES::numberNode));
                values.add(Arbitraries.just(NODES.objectNode().put("0", "x")));
            }
            case OBJECT -> {
                values.add(Arbitraries.strings().ofMaxLength(12).map(NODES::textNode));
                values.add(Arbitraries.just(NODES.arrayNode().add(NODES.objectNode())));
            }
        }
        return Arbitraries.oneOf(values);
    }

    private static Arbitrary<JsonNode> hugeString(int minLength) {
        return Combinators.combine(Arbitraries.integers().between(minLength, 20_000),
                                   Arbitraries.of('x', '字', '$', ' ', '.'))
                          .as((length, c) -> (JsonNode) NODES.textNode(String.valueOf(c).repeat(length - 1) + "y"));
    }

    /** MongoDB query operators where a value belongs. */
    private static Arbitrary<JsonNode> operatorObject() {
        return Arbitraries.of("$gt", "$ne", "$in", "$regex", "$where", "$exists", "$expr", "$set").flatMap(
                operator -> Arbitraries.of(NODES.objectNode().put(operator, ""),
                                           NODES.objectNode().putNull(operator),
                                           (JsonNode) NODES.objectNode().set(operator, NODES.arrayNode().add(".*"))));
    }

    private static Arbitrary<JsonNode> badIdentifier() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                                   Arbitraries.of("/", "\u0000", "\n", "\t", "\u001b", "../", "/x/"),
                                   Arbitraries.of(0, 1, 2))
                          .as((text, bad, where) -> (JsonNode) NODES.textNode(switch (where) {
                              case 0 -> bad + text;
                              case 1 -> text + bad + text;
                              default -> text + bad;
                          }));
    }

    private static Arbitrary<JsonNode> loneSurrogate() {
        return Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8),
                                   Arbitraries.of("\ud800", "\udfff", "\udbff", "\udc00x\ud800"))
                          .as((text, surrogate) -> (JsonNode) NODES.textNode(text + surrogate + text));
    }

    private static Arbitrary<JsonNode> invalidDate() {
        return Arbitraries.of("2018-02-30", "2018-13-01", "2018-00-10", "2018-02-29", "2018-1-1", "20180101",
                              "2018/01/01", "01-02-2018", "2018-01-32", "yesterday", "$gt", "{\"$gt\":\"\"}",
                              "2018-01-0١", "２０１８-０１-０１", "9999-99-99", "-")
                          .map(NODES::textNode);
    }

    private static Arbitrary<JsonNode> invalidEnum() {
        return Arbitraries.oneOf(
                Arbitraries.of("$ne", "$gt", "null", "undefined", "0", "X_UNKNOWN", "city", "Recorder",
                               "PARTY_SECRETARY ", " COUNTY", "STANDING_COMMITTEE\u0000").map(NODES::textNode),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(text -> NODES.textNode("X_" + text)));
    }

    private static Arbitrary<JsonNode> notAnInteger() {
        return Arbitraries.of(NODES.numberNode(1.5), NODES.numberNode(new java.math.BigDecimal("1e400")),
                              NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                              NODES.textNode("12"), NODES.textNode("$gt"), NODES.textNode(""));
    }

    private static Arbitrary<JsonNode> badTextItems() {
        return Arbitraries.of(NODES.arrayNode().add(1), NODES.arrayNode().addNull(),
                              NODES.arrayNode().add(""), NODES.arrayNode().add("ok").add("  "),
                              NODES.arrayNode().add(NODES.objectNode().put("$gt", "")),
                              NODES.arrayNode().add(NODES.arrayNode().add("x")),
                              manyItems(201));
    }

    private static Arbitrary<JsonNode> badIntItems() {
        return Arbitraries.of(NODES.arrayNode().add("4"), NODES.arrayNode().addNull(),
                              NODES.arrayNode().add(1.5), NODES.arrayNode().add(NODES.objectNode()),
                              manyItemsOfInts(201));
    }

    private static JsonNode manyItems(int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add("item " + i);
        }
        return array;
    }

    private static JsonNode manyItemsOfInts(int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(1 + i % 12);
        }
        return array;
    }

    /** Arrays or objects nested 2 to 3,000 levels deep. */
    private static Arbitrary<JsonNode> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(2, 3_000), Arbitraries.of(true, false))
                          .as((depth, arrays) -> {
                              JsonNode node = NODES.textNode("deep");
                              for (int i = 0; i < depth; i++) {
                                  node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
                              }
                              return node;
                          });
    }

    // ---------------------------------------------------------------------------------------- whole-body mutations

    private static Arbitrary<Request> extraField(Target target) {
        Set<String> known = new java.util.HashSet<>();
        target.fields().forEach(field -> known.add(field.name()));
        known.add("type");
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("$where", "$set", "__proto__", "constructor", "recordedBy", "officialId", "hash",
                               "prevHash", "sequence", "globalIndex", "_id", "a.b", "", " ", "TYPE", "Type"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(name -> "x" + name));
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.just(NODES.nullNode()), operatorObject());
        return Combinators.combine(names.filter(name -> !known.contains(name)), values).as((name, value) -> {
            ObjectNode body = target.body().deepCopy();
            body.set(name, value);
            return json(target, body, "extra field '" + name + "'");
        });
    }

    private static Arbitrary<Request> duplicateKey(Target target) {
        return Arbitraries.of(target.fields().stream().filter(field -> target.body().has(field.name())).toList())
                          .flatMap(field -> Arbitraries.of(true, false).map(same -> {
                              JsonNode value = same ? target.body().get(field.name()) : NODES.textNode("other");
                              String text = write(target.body());
                              String duplicated = "{\"" + field.name() + "\":" + write(value) + ","
                                      + text.substring(1);
                              return raw(target, "application/json", duplicated.getBytes(StandardCharsets.UTF_8),
                                         "duplicate key " + field.name());
                          }));
    }

    private static Arbitrary<Request> truncated(Target target) {
        byte[] body = write(target.body()).getBytes(StandardCharsets.UTF_8);
        return Arbitraries.integers().between(0, body.length - 1)
                          .map(length -> raw(target, "application/json", Arrays.copyOf(body, length),
                                             "truncated to " + length + " bytes"));
    }

    private static Arbitrary<Request> trailing(Target target) {
        return Arbitraries.of(" x", "}", "{}", ",", " []", " null", "\"\"", ";", " //", "\u0000")
                          .map(tail -> raw(target, "application/json",
                                           (write(target.body()) + tail).getBytes(StandardCharsets.UTF_8),
                                           "trailing " + abbreviate(tail)));
    }

    private static Arbitrary<Request> notAnObject(Target target) {
        List<String> bodies = new ArrayList<>(List.of("[]", "[{}]", "\"x\"", "1", "null", "true", "{", "}", "[",
                                                      "{\"a\"}", "{'a':1}", "{a:1}", "NaN", "\"\\u0000\""));
        if (target.body() != null) {
            bodies.add("");
            bodies.add("   ");
            bodies.add("{}"); // every path with a body has a required field
        } else {
            bodies.add("{\"x\":1}");
            bodies.add("{\"$where\":\"1\"}");
        }
        return Arbitraries.of(bodies).map(text -> raw(target, "application/json",
                                                      text.getBytes(StandardCharsets.UTF_8),
                                                      "body " + abbreviate(text)));
    }

    /** Invalid UTF-8 byte sequences, put inside the first string value of the body. */
    private static Arbitrary<Request> invalidUtf8(Target target) {
        byte[] body = (target.body() == null ? "{\"x\":\"y\"}" : write(target.body()))
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> sequences = List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88,
                        (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xC3}, new byte[]{(byte) 0x80},
                new byte[]{(byte) 0xE4, (byte) 0xB8}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        List<Integer> stringStarts = new ArrayList<>();
        for (int i = 1; i < body.length; i++) {
            if (body[i] == '"' && body[i - 1] == ':') {
                stringStarts.add(i + 1);
            }
        }
        if (stringStarts.isEmpty()) {
            stringStarts.add(1);
        }
        return Combinators.combine(Arbitraries.of(sequences), Arbitraries.of(stringStarts)).as((bad, at) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(body, 0, at);
            out.writeBytes(bad);
            out.write(body, at, body.length - at);
            return raw(target, "application/json", out.toByteArray(),
                       "invalid UTF-8 " + HexFormat.of().formatHex(bad) + " at byte " + at);
        });
    }

    private static Arbitrary<Request> wrongContentType(Target target) {
        byte[] body = (target.body() == null ? "{}" : write(target.body())).getBytes(StandardCharsets.UTF_8);
        return Arbitraries.of("text/plain", "text/plain;charset=UTF-8", "application/xml", "text/xml", "text/json",
                              "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                              "multipart/form-data", "application/octet-stream", "image/png", "application/yaml",
                              "application/json-patch+json", "application/x-json", "*/*", "json", "application/",
                              "a/b/c", ";", "text/html; charset=\"")
                          .map(type -> raw(target, type, body, "content type " + type));
    }

    private static Arbitrary<Request> oversized(Target target) {
        String base = target.body() == null ? "{}" : write(target.body());
        return Combinators.combine(Arbitraries.integers().between(64 * 1024 + 1, 256 * 1024),
                                   Arbitraries.of(true, false), Arbitraries.of(true, false))
                          .as((size, whitespace, chunked) -> {
                              String padded = whitespace
                                      ? base.substring(0, base.length() - 1) + " ".repeat(size) + "}"
                                      : "{\"padding\":\"" + "x".repeat(size) + "\"," + base.substring(1);
                              return new Request(target.name(), target.user(), target.path(), "application/json",
                                                 padded.getBytes(StandardCharsets.UTF_8), chunked, Map.of(),
                                                 "oversized " + padded.length() + " bytes"
                                                         + (chunked ? " (chunked)" : ""));
                          });
    }

    private static Arbitrary<Request> badIdempotencyKey(Target target) {
        return Arbitraries.oneOf(Arbitraries.of("a b", "x".repeat(201), "\"quoted key\"", "a\tb", "two  spaces"),
                                 Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).map(k -> k + " " + k))
                          .map(key -> {
                              Map<String, String> headers = new LinkedHashMap<>();
                              headers.put("Idempotency-Key", key);
                              return new Request(target.name(), target.user(), target.path(), "application/json",
                                                 write(target.body()).getBytes(StandardCharsets.UTF_8), false,
                                                 headers, "Idempotency-Key " + abbreviate(key));
                          });
    }

    /** The path's identifier replaced by an unknown, operator-like or malformed one (the body stays valid). */
    private static Arbitrary<Request> unknownPathId(Target target) {
        byte[] body = target.body() == null ? null : write(target.body()).getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                        Arbitraries.of("$ne", "$gt", "{\"$gt\":\"\"}", "[$ne]", "null", "undefined", "..", "%00",
                                       "unknown-" + target.name(), "x".repeat(129), "a%2Fb", "%E4%B8",
                                       "%ED%A0%80", "%FF", " ", "%20x"),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).map(id -> "nx-" + id))
                          .map(id -> new Request(target.name(), target.user(), target.path(encodeSegment(id)),
                                                 "application/json", body, false, Map.of(), "path id " + id));
    }

    /** Percent-encodes what a URI may not carry, keeping existing escapes. */
    private static String encodeSegment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~%$".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Request json(Target target, ObjectNode body, String broken) {
        return raw(target, "application/json", write(body).getBytes(StandardCharsets.UTF_8), broken);
    }

    private static Request raw(Target target, String contentType, byte[] body, String broken) {
        return new Request(target.name(), target.user(), target.path(), contentType, body, false, Map.of(), broken);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() > 60 ? printable.substring(0, 60) + "…(" + text.length() + ")" : printable;
    }
}
