package org.ecoledger.api.store;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the embedded store's unique-index maps: H2's own {@link ObjectDataType}, byte for byte on disk and
 * in the same order, but without its cost.
 *
 * <p>mongo-java-server keeps each unique index as an H2 map from a {@link KeyValue} to a document's position, opened
 * with H2's default {@link ObjectDataType}. {@code KeyValue} is not {@link Comparable}, so that type orders two keys
 * by Java-serializing both and comparing the bytes — a fresh {@code ObjectOutputStream} per key per comparison,
 * about twenty comparisons per lookup, and an insert looks up every unique index twice. Profiled on the append path
 * (docs/benchmarks.md) that was most of the store's CPU time per append. This type gives exactly the same answer
 * (the same serialized bytes, compared the same way) but remembers the bytes of keys made only of plain values
 * (strings, numbers, booleans, nulls), for which equal keys always serialize to equal bytes; any other key is
 * serialized each time, as before. Reading delegates to {@link ObjectDataType}, and writing writes what it writes
 * (a plain key's remembered bytes in its format), so files written with either type open with the other.
 *
 * <p>The keys the ledger looks up most (a single number, as every {@code _id} of the events is, or a single string,
 * as an aggregate key is) are neither serialized nor remembered: {@link SingleValueKeys} compares them and writes
 * their bytes directly. Remembering alone stopped helping once an index outgrew its memory (at a million events the
 * lookups by {@code _id} serialized keys again on almost every comparison; docs/benchmarks.md, run I).
 */
final class IndexKeyType extends BasicDataType<Object> {

    /** How many keys' bytes one index remembers before it starts afresh (a few MB at most). */
    static final int MAX_REMEMBERED = 50_000;

    /** {@link ObjectDataType}'s tag for a value it stores Java-serialized (its {@code TYPE_SERIALIZED_OBJECT}). */
    static final byte SERIALIZED_OBJECT = 19;

    private final ObjectDataType stored = new ObjectDataType();
    private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            int direct = SingleValueKeys.compare(first, second);
            if (direct != SingleValueKeys.UNDECIDED) {
                return direct;
            }
            return ObjectDataType.compareNotNull(bytes(first), bytes(second));
        }
        return stored.compare(a, b);
    }

    private byte[] bytes(KeyValue key) {
        if (!plain(key)) {
            return ObjectDataType.serialize(key);
        }
        byte[] bytes = serialized.get(key);
        if (bytes == null) {
            bytes = ObjectDataType.serialize(key);
            if (serialized.size() >= MAX_REMEMBERED) {
                serialized.clear();
            }
            serialized.put(key, bytes);
        }
        return bytes;
    }

    /** Whether equal keys of this shape always serialize to the same bytes (no maps, whose order equality ignores). */
    static boolean plain(KeyValue key) {
        for (Object value : key) {
            if (value != null && !(value instanceof String) && !(value instanceof Long) && !(value instanceof Integer)
                    && !(value instanceof Double) && !(value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain key's memory is estimated from its serialized bytes, as {@link ObjectDataType} does from the keys it
     * has written (twice their length); it learns that only in its own {@code write}, which plain keys bypass, and
     * starts from 10,000 bytes a key — which made every page look hundreds of times its size, filling the page
     * cache and the unsaved-memory budget (more commits) with nothing.
     */
    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key) {
            int length = SingleValueKeys.serializedLength(key);
            if (length > 0) {
                return 2 * length;
            }
        }
        if (obj instanceof KeyValue key && plain(key)) {
            return 2 * bytes(key).length;
        }
        return stored.getMemory(obj);
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return stored.isMemoryEstimationAllowed();
    }

    /**
     * Writes a key as {@link ObjectDataType} does — for a {@code KeyValue}, which it does not know, the tag of a
     * serialized object, the length and the Java-serialized bytes — taking a plain key's bytes from memory. Every
     * commit writes each changed page whole, so without this each key of the page was serialized again at each
     * commit (most of the page-writing thread's time while the read views were rebuilt).
     */
    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue key && SingleValueKeys.write(buff, key)) {
            return;
        }
        if (obj instanceof KeyValue key && plain(key)) {
            byte[] bytes = bytes(key);
            buff.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
            return;
        }
        stored.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return stored.read(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return stored.createStorage(size);
    }
}
