package org.ecoledger.api.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the embedded store's document maps: a document is kept as its BSON bytes instead of as a
 * Java-serialized object graph.
 *
 * <p>mongo-java-server stores each collection's documents in an H2 map with H2's generic {@link ObjectDataType},
 * which Java-serializes every document (class descriptors, field names, boxed values) each time the page holding it
 * is written — and a page is rewritten whenever any document in it changes, at every commit. BSON, the form the
 * documents arrived in over the wire, is several times smaller and cheaper to write and read. A document is written
 * as the tag {@value #BSON_TAG} (a tag {@link ObjectDataType} never writes), its length and its BSON bytes; a value
 * that is not a document, or a document BSON cannot carry, is written by {@link ObjectDataType} as before, and
 * anything {@link ObjectDataType} wrote is read by it, so files written before this type existed still open. (A
 * file written with it needs it: the stock backend cannot read the BSON entries.)
 */
final class DocumentValueType extends BasicDataType<Object> {

    /** Marks a BSON-encoded document; {@link ObjectDataType} uses tags 0–19, 32–49 and 64–119 only. */
    static final byte BSON_TAG = 127;

    private final ObjectDataType stored = new ObjectDataType();

    /**
     * The estimated heap size of a value, which the MVStore uses to split pages (at about 16 KB of estimated memory),
     * to weigh its page cache and to decide when unsaved changes are committed. A document is estimated from its
     * fields: H2's own type would estimate every document at the 10,000 bytes its Java serialization starts from and
     * learns from only when it serializes — which documents kept as BSON never do — so each leaf page of a
     * collection held one document, and the cache a tenth of what it could.
     */
    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
        }
        return stored.getMemory(obj);
    }

    /** Object headers and references, two bytes a character, the bytes of binary data; nested values summed. */
    static long memoryOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            long memory = 48 + 32L * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> collection) {
            long memory = 40 + 8L * collection.size();
            for (Object element : collection) {
                memory += memoryOf(element);
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2L * text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            byte[] bson = bson(document);
            if (bson != null) {
                buff.put(BSON_TAG).putVarInt(bson.length).put(bson);
                return;
            }
        }
        stored.write(buff, obj);
    }

    /** The size of the document in BSON, as a collection's data size counts it (0 for one BSON cannot carry). */
    static int bsonSize(Document document) {
        byte[] bson = bson(document);
        return bson == null ? 0 : bson.length;
    }

    /** The document's BSON bytes, or null when BSON cannot carry one of its values exactly. */
    private static byte[] bson(Document document) {
        try {
            return BsonWriter.encode(document);
        } catch (BsonWriter.Unsupported rare) {
            return serverEncoded(document);
        }
    }

    /** The server's own encoding, for values {@link BsonWriter} does not write. */
    static byte[] serverEncoded(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } catch (RuntimeException notBson) {
            return null;
        } finally {
            buffer.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_TAG) {
            return stored.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    @Override
    public Object[] createStorage(int size) {
        return stored.createStorage(size);
    }
}
