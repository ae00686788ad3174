package org.ecoledger.api.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Decodes BSON bytes into the same mongo-java-server document as the server's own {@code BsonDecoder}, straight from
 * a byte array — the counterpart of {@link BsonWriter} for the pages the store reads from its file (a twentieth of
 * the CPU of a replay or a dossier at a million events went to the server's decoder and its Netty buffer).
 *
 * <p>It decodes every type the server's decoder does, into the same Java values. Anything it would refuse or that
 * looks malformed — a field named twice, an array whose elements are not named 0, 1, …, a length that does not fit,
 * an unknown type or binary subtype, a boolean byte other than 0 or 1 — makes this reader give up
 * ({@link BsonWriter.Unsupported}), and the caller decodes the same bytes with the server's decoder, which then
 * answers (or fails) exactly as before. {@code DocumentValueTypeTest} holds both to equal documents.
 */
final class BsonReader {

    private static final BsonWriter.Unsupported GIVE_UP = new BsonWriter.Unsupported();

    /** The server decoder's largest document (its {@code BsonConstants.MAX_BSON_OBJECT_SIZE}). */
    private static final int MAX_SIZE = de.bwaldvogel.mongo.wire.BsonConstants.MAX_BSON_OBJECT_SIZE;

    private final byte[] bytes;
    private int at;

    private BsonReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The document encoded in {@code bytes} (exactly one, filling them).
     *
     * @throws BsonWriter.Unsupported when the server's decoder should decide
     */
    static Document decode(byte[] bytes) {
        BsonReader reader = new BsonReader(bytes);
        try {
            Document document = reader.document();
            if (reader.at != bytes.length) {
                throw GIVE_UP;
            }
            return document;
        } catch (IndexOutOfBoundsException | NegativeArraySizeException malformed) {
            throw GIVE_UP;
        }
    }

    private Document document() {
        int end = end();
        Document document = new Document();
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            String name = cString();
            if (document.put(name, value(type)) != null) {
                throw GIVE_UP; // a field named twice: the server's decoder refuses it
            }
            if (at >= end) {
                throw GIVE_UP;
            }
        }
        if (at != end) {
            throw GIVE_UP;
        }
        return document;
    }

    /** Reads a document's or an array's length and answers where it ends. */
    private int end() {
        int start = at;
        int length = int32();
        if (length < 5 || start + length > bytes.length || length - 4 > MAX_SIZE) {
            throw GIVE_UP;
        }
        return start + length;
    }

    private List<Object> array() {
        int end = end();
        List<Object> values = new ArrayList<>();
        while (true) {
            byte type = bytes[at++];
            if (type == 0) {
                break;
            }
            if (!cString().equals(Integer.toString(values.size()))) {
                throw GIVE_UP;
            }
            values.add(value(type));
            if (at >= end) {
                throw GIVE_UP;
            }
        }
        if (at != end) {
            throw GIVE_UP;
        }
        return values;
    }

    private Object value(byte type) {
        switch (type) {
            case 0x01:
                return Double.longBitsToDouble(int64());
            case 0x02:
                return string();
            case 0x03:
                return document();
            case 0x04:
                return array();
            case 0x05:
                return binary();
            case 0x06:
            case 0x0A:
                return null;
            case 0x07: {
                byte[] id = new byte[12];
                System.arraycopy(bytes, at, id, 0, 12);
                at += 12;
                return new ObjectId(id);
            }
            case 0x08: {
                byte flag = bytes[at++];
                if (flag == 0) {
                    return Boolean.FALSE;
                }
                if (flag == 1) {
                    return Boolean.TRUE;
                }
                throw GIVE_UP;
            }
            case 0x09:
                return Instant.ofEpochMilli(int64());
            case 0x0B:
                return new BsonRegularExpression(cString(), cString());
            case 0x0D:
                return new BsonJavaScript(string());
            case 0x10:
                return int32();
            case 0x11:
                return new BsonTimestamp(int64());
            case 0x12:
                return int64();
            case 0x13: {
                long low = int64();
                long high = int64();
                return new Decimal128(low, high);
            }
            case 0x7F:
                return MaxKey.getInstance();
            case (byte) 0xFF:
                return MinKey.getInstance();
            default:
                throw GIVE_UP;
        }
    }

    private Object binary() {
        int length = int32();
        byte subtype = bytes[at++];
        if (subtype == 0x00 || subtype == (byte) 0x80) {
            byte[] data = new byte[length];
            System.arraycopy(bytes, at, data, 0, length);
            at += length;
            return new BinData(data);
        }
        if (length != 16 || (subtype != 0x03 && subtype != 0x04)) {
            throw GIVE_UP;
        }
        if (subtype == 0x03) {
            long most = int64();
            long least = int64();
            return new LegacyUUID(most, least);
        }
        long most = int64BigEndian();
        long least = int64BigEndian();
        return new UUID(most, least);
    }

    private String string() {
        int length = int32();
        if (length < 1 || at + length > bytes.length || bytes[at + length - 1] != 0) {
            throw GIVE_UP;
        }
        String value = new String(bytes, at, length - 1, StandardCharsets.UTF_8);
        at += length;
        return value;
    }

    private String cString() {
        int end = at;
        while (bytes[end] != 0) {
            end++;
        }
        String value = new String(bytes, at, end - at, StandardCharsets.UTF_8);
        at = end + 1;
        return value;
    }

    private int int32() {
        int value = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
                | (bytes[at + 3] & 0xFF) << 24;
        at += 4;
        return value;
    }

    private long int64() {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        at += 8;
        return value;
    }

    private long int64BigEndian() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        at += 8;
        return value;
    }
}
