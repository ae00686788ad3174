package org.ecoledger.core.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for the subset of JSON the ledger stores.
 *
 * <p>The subset: objects, arrays, strings, {@code true}, {@code false}, {@code null} and integers in
 * ±(2<sup>53</sup>−1). Within it the output is exactly RFC 8785's:
 * <ul>
 *   <li>no whitespace;</li>
 *   <li>object members sorted by their names compared as arrays of UTF-16 code units;</li>
 *   <li>strings escaped as ECMAScript's {@code JSON.stringify} does: {@code \"}, {@code \\}, {@code \b}, {@code \f},
 *       {@code \n}, {@code \r}, {@code \t}, other code points below U+0020 as <code>&#92;u00xx</code> in lowercase
 *       hex, every other code point as literal UTF-8;</li>
 *   <li>integers in plain decimal, with {@code -} for negatives and no leading zeros, which is what ECMAScript's
 *       number serialization yields for every integer in that range.</li>
 * </ul>
 * Everything outside the subset is refused with a {@link NonCanonicalValueException} that names the JSON pointer of
 * the offending value: any non-integral number node (double, float, decimal, even {@code 1.0}, and NaN), an integer
 * beyond the range, a string or member name with a lone surrogate, binary, POJO and missing nodes, and nesting deeper
 * than {@link #MAX_DEPTH}. Refusing non-integral numbers keeps the encoding free of floating-point formatting, the
 * one part of RFC 8785 that is hard to reimplement identically.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {

    /** Largest integer the subset allows: 2<sup>53</sup>−1, ECMAScript's {@code Number.MAX_SAFE_INTEGER}. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    /**
     * Deepest nesting of arrays and objects accepted (the root container is depth 1). Equal to Jackson's default
     * parse limit; MongoDB refuses documents nested beyond 100 levels, so honest data never comes near it.
     */
    public static final int MAX_DEPTH = 1000;

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of {@code node}.
     *
     * @throws NonCanonicalValueException when {@code node} contains a value outside the subset
     */
    public static byte[] encode(JsonNode node) {
        Encoder encoder = new Encoder();
        encoder.value(Objects.requireNonNull(node, "node"));
        return encoder.toByteArray();
    }

    /**
     * Checks that {@link #encode} would accept {@code node}; the ledger calls it before it appends an event.
     *
     * @throws NonCanonicalValueException when {@code node} contains a value outside the subset
     */
    public static void requireEncodable(JsonNode node) {
        encode(node);
    }

    /** One encoding run: an output buffer and the path to the current value, kept for error reports. */
    private static final class Encoder {

        private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final BigInteger MIN = BigInteger.valueOf(-MAX_SAFE_INTEGER);
        private static final BigInteger MAX = BigInteger.valueOf(MAX_SAFE_INTEGER);

        /** Member names (String) and array indexes (Integer) from the root to the current value. */
        private final List<Object> path = new ArrayList<>();
        private byte[] buffer = new byte[256];
        private int length;

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, length);
        }

        void value(JsonNode node) {
            switch (node.getNodeType()) {
                case OBJECT -> object(node);
                case ARRAY -> array(node);
                case STRING -> string(node.textValue(), false);
                case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
                case NULL -> ascii("null");
                case NUMBER -> number(node);
                default -> throw refuse("a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + " node is not JSON data");
            }
        }

        private void object(JsonNode node) {
            enterContainer();
            String[] names = new String[node.size()];
            int count = 0;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names[count++] = it.next();
            }
            // String.compareTo compares UTF-16 code units, exactly RFC 8785's ordering (section 3.2.3).
            Arrays.sort(names);
            put('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    put(',');
                }
                path.add(names[i]);
                string(names[i], true);
                put(':');
                value(node.get(names[i]));
                path.remove(path.size() - 1);
            }
            put('}');
        }

        private void array(JsonNode node) {
            enterContainer();
            put('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                path.add(i);
                value(node.get(i));
                path.remove(path.size() - 1);
            }
            put(']');
        }

        private void enterContainer() {
            // path.size() + 1 is the depth of the container being entered.
            if (path.size() >= MAX_DEPTH) {
                throw refuse("nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        private void number(JsonNode node) {
            if (!node.isIntegralNumber()) {
                throw refuse("non-integral number " + node.asText() + " (only integers are allowed)");
            }
            if (node.canConvertToLong()) {
                long value = node.longValue();
                if (value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER) {
                    ascii(Long.toString(value));
                    return;
                }
            }
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0) {
                ascii(value.toString());
                return;
            }
            throw refuse("integer " + value + " is outside ±(2^53-1)");
        }

        /** A JSON string; {@code name} says whether it is a member name (only for the error message). */
        private void string(String s, boolean name) {
            put('"');
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '"' -> escape('"');
                        case '\\' -> escape('\\');
                        case '\b' -> escape('b');
                        case '\f' -> escape('f');
                        case '\n' -> escape('n');
                        case '\r' -> escape('r');
                        case '\t' -> escape('t');
                        default -> {
                            if (c < 0x20) {
                                put('\\');
                                put('u');
                                put('0');
                                put('0');
                                put(HEX[c >> 4]);
                                put(HEX[c & 0xF]);
                            } else {
                                put(c);
                            }
                        }
                    }
                } else if (c < 0x800) {
                    put(0xC0 | (c >> 6));
                    put(0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        put(0xF0 | (cp >> 18));
                        put(0x80 | ((cp >> 12) & 0x3F));
                        put(0x80 | ((cp >> 6) & 0x3F));
                        put(0x80 | (cp & 0x3F));
                    } else {
                        throw refuse((name ? "member name" : "string") + " has a lone surrogate U+"
                                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i);
                    }
                } else {
                    put(0xE0 | (c >> 12));
                    put(0x80 | ((c >> 6) & 0x3F));
                    put(0x80 | (c & 0x3F));
                }
            }
            put('"');
        }

        private void escape(char c) {
            put('\\');
            put(c);
        }

        private void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i));
            }
        }

        private void put(int b) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[length++] = (byte) b;
        }

        private NonCanonicalValueException refuse(String reason) {
            return new NonCanonicalValueException(pointer(), reason);
        }

        /** RFC 6901 pointer of the current value: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
        private String pointer() {
            StringBuilder sb = new StringBuilder();
            for (Object step : path) {
                sb.append('/');
                if (step instanceof String s) {
                    sb.append(s.replace("~", "~0").replace("/", "~1"));
                } else {
                    sb.append(step);
                }
            }
            return sb.toString();
        }
    }
}
