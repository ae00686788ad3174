package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String canonical(JsonNode node) {
        return new String(CanonicalJson.encode(node), StandardCharsets.UTF_8);
    }

    private static ObjectNode object(String name, JsonNode value) {
        ObjectNode node = NODES.objectNode();
        node.set(name, value);
        return node;
    }

    @Nested
    class MemberOrder {

        @Test
        void rfc8785SortingExample_sortsByUtf16CodeUnits() {
            // RFC 8785, section 3.2.3, input verbatim (JSON escapes, not Java ones).
            JsonNode input = parse("""
                    {
                      "\\u20ac": "Euro Sign",
                      "\\r": "Carriage Return",
                      "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                      "1": "One",
                      "\\ud83d\\ude00": "Emoji: Grinning Face",
                      "\\u0080": "Control",
                      "\\u00f6": "Latin Small Letter O With Diaeresis"
                    }""");

            assertThat(canonical(input)).isEqualTo("{"
                    + "\"\\r\":\"Carriage Return\","
                    + "\"1\":\"One\","
                    + "\"\u0080\":\"Control\","
                    + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                    + "\"\u20ac\":\"Euro Sign\","
                    + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                    + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        }

        @Test
        void surrogatePairName_sortsBeforeHighBmpName_unlikeCodePointOrder() {
            // U+1F600 is D83D DE00 in UTF-16, below U+FB01; by code point it would come after.
            ObjectNode input = NODES.objectNode().put("\ufb01", 1).put("\ud83d\ude00", 2).put("z", 3);

            assertThat(canonical(input)).isEqualTo("{\"z\":3,\"\ud83d\ude00\":2,\"\ufb01\":1}");
        }

        @Test
        void nestedObjects_areSortedAndWhitespaceIsDropped() {
            JsonNode input = parse("{ \"b\" : [ 3, { \"y\": true, \"x\": null } ], \"a\": { }, \"A\": [ ] }");

            assertThat(canonical(input)).isEqualTo("{\"A\":[],\"a\":{},\"b\":[3,{\"x\":null,\"y\":true}]}");
        }

        @Test
        void memberInsertionOrder_doesNotMatter() {
            ObjectNode one = NODES.objectNode().put("alpha", 1).put("beta", "β");
            ObjectNode two = NODES.objectNode().put("beta", "β").put("alpha", 1);

            assertThat(CanonicalJson.encode(one)).isEqualTo(CanonicalJson.encode(two));
        }
    }

    @Nested
    class Strings {

        @Test
        void rfc8785StringExample_isEscapedAsTheRfcShows() {
            // RFC 8785, section 3.2.2.2.
            JsonNode input = parse("\"\\u20ac\\u0024\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"");

            assertThat(canonical(input)).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
        }

        @Test
        void everyControlCharacter_isEscapedShortOrAsLowercaseU00xx() {
            String[] expected = {
                    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
                    "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
                    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
                    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
            for (char c = 0; c < 0x20; c++) {
                assertThat(canonical(NODES.textNode(String.valueOf(c))))
                        .as("U+%04X", (int) c).isEqualTo("\"" + expected[c] + "\"");
            }
        }

        @Test
        void quoteAndBackslash_areEscaped_slashAndDelAreNot() {
            assertThat(canonical(NODES.textNode("a\"b\\c/d\u007f"))).isEqualTo("\"a\\\"b\\\\c/d\u007f\"");
        }

        @Test
        void lineAndParagraphSeparators_areLiteralUtf8() {
            assertThat(CanonicalJson.encode(NODES.textNode("\u2028\u2029")))
                    .containsExactly('"', 0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9, '"');
        }

        @Test
        void nonAsciiAndEmoji_areLiteralUtf8() {
            assertThat(CanonicalJson.encode(NODES.textNode("é秦\ud83d\ude00")))
                    .containsExactly('"', 0xC3, 0xA9, 0xE7, 0xA7, 0xA6, 0xF0, 0x9F, 0x98, 0x80, '"');
        }

        @Test
        void memberNames_areEscapedLikeValues() {
            assertThat(canonical(NODES.objectNode().put("a\nb\"", 1))).isEqualTo("{\"a\\nb\\\"\":1}");
        }
    }

    @Nested
    class Literals {

        @Test
        void trueFalseNull_andContainers() {
            ArrayNode input = NODES.arrayNode().add(true).add(false).addNull().add(NODES.objectNode())
                    .add(NODES.arrayNode());

            assertThat(canonical(input)).isEqualTo("[true,false,null,{},[]]");
        }

        @Test
        void integersWithinPlusMinus2Pow53Minus1_arePlainDecimal() {
            ArrayNode input = NODES.arrayNode()
                    .add(0).add(-0).add(7).add(-42).add((short) 12)
                    .add(CanonicalJson.MAX_SAFE_INTEGER).add(-CanonicalJson.MAX_SAFE_INTEGER)
                    .add(BigInteger.valueOf(123)).add(new BigInteger("-9007199254740991"));

            assertThat(canonical(input))
                    .isEqualTo("[0,0,7,-42,12,9007199254740991,-9007199254740991,123,-9007199254740991]");
        }
    }

    @Nested
    class Refusals {

        static Stream<Arguments> outsideTheSubset() {
            return Stream.of(
                    Arguments.of("double 1.0", parse("{\"a\":[1,1.0]}"), "/a/1", "non-integral number 1.0"),
                    Arguments.of("double 1.5", object("x", NODES.numberNode(1.5)), "/x", "non-integral number 1.5"),
                    Arguments.of("float", object("x", NODES.numberNode(2.0f)), "/x", "non-integral number 2.0"),
                    Arguments.of("decimal 1", object("x", NODES.numberNode(new BigDecimal("1"))), "/x",
                            "non-integral number 1"),
                    Arguments.of("NaN", object("x", NODES.numberNode(Double.NaN)), "/x", "non-integral number NaN"),
                    Arguments.of("2^53", object("n", NODES.numberNode(9_007_199_254_740_992L)), "/n",
                            "integer 9007199254740992 is outside"),
                    Arguments.of("-(2^53)", object("n", NODES.numberNode(-9_007_199_254_740_992L)), "/n",
                            "integer -9007199254740992 is outside"),
                    Arguments.of("Long.MIN_VALUE", NODES.arrayNode().add(Long.MIN_VALUE), "/0",
                            "integer -9223372036854775808 is outside"),
                    Arguments.of("2^64", object("n", NODES.numberNode(BigInteger.TWO.pow(64))), "/n",
                            "integer 18446744073709551616 is outside"),
                    Arguments.of("parsed large integer", parse("{\"n\":9007199254740993}"), "/n",
                            "integer 9007199254740993 is outside"),
                    Arguments.of("lone high surrogate", object("s", NODES.textNode("a\ud800b")), "/s",
                            "string has a lone surrogate U+D800 at index 1"),
                    Arguments.of("high surrogate at end", object("s", NODES.textNode("x\ud83d")), "/s",
                            "string has a lone surrogate U+D83D at index 1"),
                    Arguments.of("lone low surrogate", NODES.arrayNode().add("\ude00"), "/0",
                            "string has a lone surrogate U+DE00 at index 0"),
                    Arguments.of("lone surrogate in a name", object("k\udc00", NODES.numberNode(1)), "/k\udc00",
                            "member name has a lone surrogate U+DC00 at index 1"),
                    Arguments.of("pointer escaping", parse("{\"a/b\":{\"c~d\":[0,0.5]}}"), "/a~1b/c~0d/1",
                            "non-integral number 0.5"),
                    Arguments.of("double at the root", NODES.numberNode(3.0), "", "non-integral number 3.0"),
                    Arguments.of("binary", object("b", NODES.binaryNode(new byte[] {1})), "/b",
                            "a binary node is not JSON data"),
                    Arguments.of("POJO", object("p", NODES.pojoNode(new Object())), "/p",
                            "a pojo node is not JSON data"),
                    Arguments.of("missing", object("m", NODES.missingNode()), "/m", "a missing node is not JSON data"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("outsideTheSubset")
        void encode_refusesWithThePointerOfTheValue(String label, JsonNode input, String pointer, String reason) {
            assertThatThrownBy(() -> CanonicalJson.encode(input))
                    .isInstanceOfSatisfying(NonCanonicalValueException.class, e -> {
                        assertThat(e.pointer()).isEqualTo(pointer);
                        assertThat(e.reason()).startsWith(reason);
                        assertThat(e.getMessage()).contains("\"" + pointer + "\"").contains(reason);
                    });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("outsideTheSubset")
        void requireEncodable_refusesTheSameValues(String label, JsonNode input, String pointer, String reason) {
            assertThatThrownBy(() -> CanonicalJson.requireEncodable(input))
                    .isInstanceOfSatisfying(NonCanonicalValueException.class,
                            e -> assertThat(e.pointer()).isEqualTo(pointer));
        }

        @Test
        void requireEncodable_acceptsValuesInTheSubset() {
            assertThatCode(() -> CanonicalJson.requireEncodable(parse("{\"a\":[1,\"x\",true,null,{\"b\":-2}]}")))
                    .doesNotThrowAnyException();
        }

        @Test
        void nestingUpToMaxDepth_isAccepted_oneDeeperIsRefusedAtItsPointer() {
            assertThat(CanonicalJson.encode(nestedArrays(CanonicalJson.MAX_DEPTH)))
                    .hasSize(2 * CanonicalJson.MAX_DEPTH);

            assertThatThrownBy(() -> CanonicalJson.encode(nestedArrays(CanonicalJson.MAX_DEPTH + 1)))
                    .isInstanceOfSatisfying(NonCanonicalValueException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/0".repeat(CanonicalJson.MAX_DEPTH));
                        assertThat(e.reason()).isEqualTo("nesting deeper than 1000 levels");
                    });
        }

        private static JsonNode nestedArrays(int depth) {
            ArrayNode root = NODES.arrayNode();
            ArrayNode current = root;
            for (int i = 1; i < depth; i++) {
                current = current.addArray();
            }
            return root;
        }
    }
}
