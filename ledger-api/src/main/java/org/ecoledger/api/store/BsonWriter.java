package org.ecoledger.api.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Encodes a mongo-java-server document to the same BSON bytes as the server's own {@code BsonEncoder}, straight into
 * a byte array.
 *
 * <p>The embedded store keeps documents as BSON ({@link DocumentValueType}), and an MVStore commit writes each
 * changed page whole, so every document of a changed page is encoded again at every commit: in the profiles of a
 * replay of the views at a million events that was an eighth of the CPU, most of it the server encoder's overhead
 * (a Netty buffer written a byte at a time, a hash lookup per field, a temporary document per array). This writer
 * covers the values the ledger stores — null, strings, 32- and 64-bit integers, doubles, booleans, documents, arrays,
 * dates, object ids, binary data, UUIDs, decimals and timestamps — and gives up on anything else (the caller then
 * uses the server's encoder); {@code DocumentValueTypeTest} holds both to the same bytes.
 */
final class BsonWriter {

    /** A value this writer does not encode; the caller falls back to the server's encoder. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private byte[] bytes = new byte[512];
    private int size;

    private BsonWriter() {
    }

    /**
     * The document's BSON bytes.
     *
     * @throws Unsupported if it holds a value this writer does not encode
     */
    static byte[] encode(Map<String, ?> document) {
        BsonWriter writer = new BsonWriter();
        writer.document(document);
        return Arrays.copyOf(writer.bytes, writer.size);
    }

    private void document(Map<String, ?> document) {
        int start = size;
        reserve(4);
        size += 4;
        for (Map.Entry<String, ?> field : document.entrySet()) {
            value(field.getKey(), field.getValue());
        }
        put((byte) 0);
        intAt(start, size - start);
    }

    private void array(Collection<?> values) {
        int start = size;
        reserve(4);
        size += 4;
        int index = 0;
        for (Object value : values) {
            value(Integer.toString(index++), value);
        }
        put((byte) 0);
        intAt(start, size - start);
    }

    /** One element: its type, its name, its value; in the order of the server's type checks. */
    @SuppressWarnings("unchecked")
    private void value(String name, Object value) {
        if (value == null) {
            element((byte) 0x0A, name);
        } else if (value instanceof Map<?, ?> map) {
            element((byte) 0x03, name);
            document((Map<String, ?>) map);
        } else if (value instanceof ObjectId id) {
            byte[] raw = id.toByteArray();
            if (raw.length != 12) {
                throw UNSUPPORTED;
            }
            element((byte) 0x07, name);
            put(raw);
        } else if (value instanceof Integer number) {
            element((byte) 0x10, name);
            putInt(number);
        } else if (value instanceof Long number) {
            element((byte) 0x12, name);
            putLong(number);
        } else if (value instanceof Decimal128 decimal) {
            element((byte) 0x13, name);
            putLong(decimal.getLow());
            putLong(decimal.getHigh());
        } else if (value instanceof Double number) {
            element((byte) 0x01, name);
            putLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof String text) {
            element((byte) 0x02, name);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length + 1);
            put(utf8);
            put((byte) 0);
        } else if (value instanceof Boolean flag) {
            element((byte) 0x08, name);
            put(flag ? (byte) 1 : (byte) 0);
        } else if (value instanceof BinData binary) {
            element((byte) 0x05, name);
            byte[] data = binary.getData();
            putInt(data.length);
            put((byte) 0x00);
            put(data);
        } else if (value instanceof UUID uuid) {
            element((byte) 0x05, name);
            putInt(16);
            put((byte) 0x04);
            putLongBigEndian(uuid.getMostSignificantBits());
            putLongBigEndian(uuid.getLeastSignificantBits());
        } else if (value instanceof Collection<?> values) {
            element((byte) 0x04, name);
            array(values);
        } else if (value instanceof Instant instant) {
            element((byte) 0x09, name);
            putLong(instant.toEpochMilli());
        } else if (value instanceof BsonTimestamp timestamp) {
            element((byte) 0x11, name);
            putLong(timestamp.getValue());
        } else {
            throw UNSUPPORTED;
        }
    }

    private void element(byte type, String name) {
        put(type);
        put(name.getBytes(StandardCharsets.UTF_8));
        put((byte) 0);
    }

    private void reserve(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void put(byte value) {
        reserve(1);
        bytes[size++] = value;
    }

    private void put(byte[] values) {
        reserve(values.length);
        System.arraycopy(values, 0, bytes, size, values.length);
        size += values.length;
    }

    private void putInt(int value) {
        reserve(4);
        intAt(size, value);
        size += 4;
    }

    private void intAt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void putLong(long value) {
        reserve(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void putLongBigEndian(long value) {
        reserve(8);
        for (int i = 7; i >= 0; i--) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }
}
