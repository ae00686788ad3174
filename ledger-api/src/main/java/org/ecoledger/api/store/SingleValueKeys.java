package org.ecoledger.api.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Index keys of one number or one string, compared as H2's {@link ObjectDataType} would — by their Java-serialized
 * bytes — without serializing them, and written compactly.
 *
 * <p>Such a key serializes to the same bytes before and after its value (the {@code KeyValue} and {@code ArrayList}
 * headers, the value's class description, the list's end), whatever the value; only the value's own bytes differ:
 * <ul>
 *   <li>a {@code Double}, {@code Long} or {@code Integer}: its big-endian bits ({@link Double#doubleToLongBits}), so
 *       two keys compare as those bits compared unsigned;</li>
 *   <li>a {@code String} of at most 65,535 bytes in modified UTF-8: a tag, its byte length in two bytes, then those
 *       bytes, so two keys compare by that length first and then byte by byte, which is char by char with NUL (two
 *       bytes, {@code C0 80}) placed between U+007F and U+0080.</li>
 * </ul>
 * The bytes around the value are taken once from {@link ObjectDataType#serialize} and checked against a second
 * value; if the layout were ever different (another JDK's serialization, another {@code KeyValue}), that kind of key
 * is simply left to the general path. Keys of two kinds, of several values, or of anything else are undecided here.
 */
final class SingleValueKeys {

    /** What {@link #compare} answers for keys it does not decide. */
    static final int UNDECIDED = Integer.MIN_VALUE;

    /** The most bytes a string is written with under the short string tag. */
    private static final int SHORT_STRING_LIMIT = 0xFFFF;

    private static final byte STRING_TAG = 0x74;

    /** Marks a key written by {@link #write}; {@link ObjectDataType} uses tags 0–19, 32–49 and 64–119 only. */
    static final byte COMPACT_TAG = 126;
    private static final byte KIND_DOUBLE = 'D';
    private static final byte KIND_LONG = 'J';
    private static final byte KIND_INTEGER = 'I';
    private static final byte KIND_STRING = 'S';

    /** The bytes before and after the value's own, for one kind of value; {@code null} if the layout did not hold. */
    private record Frame(byte[] before, byte[] after) {

        static Frame of(Object sample, byte[] sampleValue, Object check, byte[] checkValue) {
            byte[] whole = ObjectDataType.serialize(new KeyValue(sample));
            int at = lastIndexOf(whole, sampleValue);
            if (at < 0) {
                return null;
            }
            Frame frame = new Frame(Arrays.copyOf(whole, at),
                    Arrays.copyOfRange(whole, at + sampleValue.length, whole.length));
            byte[] expected = ObjectDataType.serialize(new KeyValue(check));
            return Arrays.equals(frame.bytes(checkValue), expected) ? frame : null;
        }

        byte[] bytes(byte[] value) {
            byte[] all = new byte[before.length + value.length + after.length];
            System.arraycopy(before, 0, all, 0, before.length);
            System.arraycopy(value, 0, all, before.length, value.length);
            System.arraycopy(after, 0, all, before.length + value.length, after.length);
            return all;
        }

        int length(int valueLength) {
            return before.length + valueLength + after.length;
        }

        private static int lastIndexOf(byte[] whole, byte[] part) {
            for (int at = whole.length - part.length; at >= 0; at--) {
                if (Arrays.equals(whole, at, at + part.length, part, 0, part.length)) {
                    return at;
                }
            }
            return -1;
        }
    }

    private static final Frame DOUBLE = Frame.of(Math.PI, bits(Double.doubleToLongBits(Math.PI)),
            -1.5e300, bits(Double.doubleToLongBits(-1.5e300)));
    private static final Frame LONG = Frame.of(0x1234_5678_9ABC_DEF1L, bits(0x1234_5678_9ABC_DEF1L),
            -7L, bits(-7L));
    private static final Frame INTEGER = Frame.of(0x1357_9BDF, bits32(0x1357_9BDF), -9, bits32(-9));
    private static final Frame STRING = Frame.of("official/o-1#\u00e9\u4e2d\u0000\ud83c\udf32",
            string("official/o-1#\u00e9\u4e2d\u0000\ud83c\udf32"), "", string(""));

    private SingleValueKeys() {
    }

    /** Whether every kind's layout was confirmed on this JVM (if not, those keys take the general path). */
    static boolean allConfirmed() {
        return DOUBLE != null && LONG != null && INTEGER != null && STRING != null;
    }

    /** The order {@link ObjectDataType} gives the two keys' serialized bytes, or {@link #UNDECIDED}. */
    static int compare(KeyValue a, KeyValue b) {
        if (a.size() != 1 || b.size() != 1) {
            return UNDECIDED;
        }
        Object x = a.get(0);
        Object y = b.get(0);
        if (x instanceof Double first && y instanceof Double second && DOUBLE != null) {
            return Long.compareUnsigned(Double.doubleToLongBits(first), Double.doubleToLongBits(second));
        }
        if (x instanceof String first && y instanceof String second && STRING != null) {
            return compareStrings(first, second);
        }
        if (x instanceof Long first && y instanceof Long second && LONG != null) {
            return Long.compareUnsigned(first, second);
        }
        if (x instanceof Integer first && y instanceof Integer second && INTEGER != null) {
            return Integer.compareUnsigned(first, second);
        }
        return UNDECIDED;
    }

    /**
     * By modified UTF-8 length first, then by the first differing char (neither string can be a proper prefix of the
     * other once their byte lengths are equal), in one pass over both strings.
     */
    private static int compareStrings(String first, String second) {
        int firstChars = first.length();
        int secondChars = second.length();
        int common = Math.min(firstChars, secondChars);
        int firstLength = firstChars;
        int secondLength = secondChars;
        int differing = 0;
        for (int i = 0; i < common; i++) {
            char x = first.charAt(i);
            char y = second.charAt(i);
            if (x != y) {
                firstLength += extraBytes(x);
                secondLength += extraBytes(y);
                if (differing == 0) {
                    differing = Integer.compare(rank(x), rank(y));
                }
            } else {
                int extra = extraBytes(x);
                firstLength += extra;
                secondLength += extra;
            }
        }
        for (int i = common; i < firstChars; i++) {
            firstLength += extraBytes(first.charAt(i));
        }
        for (int i = common; i < secondChars; i++) {
            secondLength += extraBytes(second.charAt(i));
        }
        if (firstLength > SHORT_STRING_LIMIT || secondLength > SHORT_STRING_LIMIT) {
            return UNDECIDED;
        }
        return firstLength != secondLength ? Integer.compare(firstLength, secondLength) : differing;
    }

    /** The bytes a char takes in modified UTF-8 beyond one. */
    private static int extraBytes(char c) {
        return c >= 0x80 || c == 0 ? (c >= 0x800 ? 2 : 1) : 0;
    }

    /** A char's place in the byte order of modified UTF-8: its value, except NUL, which sorts after U+007F. */
    private static int rank(char c) {
        return c == 0 ? (0x7F << 1) | 1 : c << 1;
    }

    /** The key's serialized length, or 0 if this class does not handle the key. */
    static int serializedLength(KeyValue key) {
        if (key.size() != 1) {
            return 0;
        }
        Object value = key.get(0);
        if (value instanceof Double && DOUBLE != null) {
            return DOUBLE.length(Long.BYTES);
        }
        if (value instanceof String text && STRING != null) {
            int length = utfLength(text);
            return length > SHORT_STRING_LIMIT ? 0 : STRING.length(3 + length);
        }
        if (value instanceof Long && LONG != null) {
            return LONG.length(Long.BYTES);
        }
        if (value instanceof Integer && INTEGER != null) {
            return INTEGER.length(Integer.BYTES);
        }
        return 0;
    }

    /**
     * The key's estimated heap size, or 0 if this class does not handle the key: the {@code KeyValue}, its list and
     * array, and the value (a boxed number, or a string of one or two bytes a char). The MVStore splits pages and
     * weighs its page cache by these estimates; H2's type estimates a key at twice its serialized length (~450 bytes
     * for a number), which made index pages split at a fifth of the keys they could hold and filled the cache with
     * a fifth of the index pages it could hold.
     */
    static int memory(KeyValue key) {
        if (serializedLength(key) == 0) {
            return 0;
        }
        return key.get(0) instanceof String text ? 136 + 2 * text.length() : 96;
    }

    /**
     * Writes the key compactly and answers true, or writes nothing and answers false if this class does not handle
     * the key: the tag {@value #COMPACT_TAG} (a tag {@link ObjectDataType} never writes), the kind of value, then the
     * value — 9 to 25 bytes for the ledger's keys instead of the 170–225 of their Java serialization, which every
     * commit wrote again for each key of each changed index page (a third of the file at a million events). The
     * order of the keys does not depend on how they are written: {@link #compare} gives it.
     */
    static boolean write(WriteBuffer buffer, KeyValue key) {
        if (serializedLength(key) == 0) {
            return false;
        }
        buffer.put(COMPACT_TAG);
        Object value = key.get(0);
        if (value instanceof Double number) {
            buffer.put(KIND_DOUBLE).putLong(Double.doubleToLongBits(number));
        } else if (value instanceof Long number) {
            buffer.put(KIND_LONG).putLong(number);
        } else if (value instanceof Integer number) {
            buffer.put(KIND_INTEGER).putInt(number);
        } else {
            String text = (String) value;
            buffer.put(KIND_STRING).putVarInt(text.length()).putStringData(text, text.length());
        }
        return true;
    }

    /** Whether the next value in the buffer was written by {@link #write}. */
    static boolean isCompact(ByteBuffer buffer) {
        return buffer.get(buffer.position()) == COMPACT_TAG;
    }

    /** Reads a key {@link #write} wrote. */
    static KeyValue read(ByteBuffer buffer) {
        buffer.get();
        byte kind = buffer.get();
        return new KeyValue(switch (kind) {
            case KIND_DOUBLE -> Double.longBitsToDouble(buffer.getLong());
            case KIND_LONG -> buffer.getLong();
            case KIND_INTEGER -> buffer.getInt();
            case KIND_STRING -> DataUtils.readString(buffer);
            default -> throw new IllegalStateException("unknown kind " + kind + " of a compact index key");
        });
    }

    private static int utfLength(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            length += extraBytes(text.charAt(i));
        }
        return length;
    }

    /** A string as the short string tag writes it: the tag, its modified UTF-8 length in two bytes, the bytes. */
    private static byte[] string(String text) {
        int length = utfLength(text);
        byte[] out = new byte[3 + length];
        out[0] = STRING_TAG;
        out[1] = (byte) (length >>> 8);
        out[2] = (byte) length;
        int at = 3;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x01 && c <= 0x7F) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    private static byte[] bits(long value) {
        byte[] out = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            out[i] = (byte) (value >>> (56 - 8 * i));
        }
        return out;
    }

    private static byte[] bits32(int value) {
        byte[] out = new byte[Integer.BYTES];
        for (int i = 0; i < Integer.BYTES; i++) {
            out[i] = (byte) (value >>> (24 - 8 * i));
        }
        return out;
    }
}
