package org.ecoledger.api.store;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the embedded store's unique-index maps: keys in exactly the order of H2's own
 * {@link ObjectDataType}, without its cost, and the ledger's keys written compactly.
 *
 * <p>mongo-java-server keeps each unique index as an H2 map from a {@link KeyValue} to a document's position, opened
 * with H2's default {@link ObjectDataType}. {@code KeyValue} is not {@link Comparable}, so that type orders two keys
 * by Java-serializing both and comparing the bytes — a fresh {@code ObjectOutputStream} per key per comparison,
 * about twenty comparisons per lookup, and an insert looks up every unique index twice. Profiled on the append path
 * (docs/benchmarks.md) that was most of the store's CPU time per append. This type gives exactly the same order:
 * <ul>
 *   <li>keys of one number or one string (every {@code _id} of the events, every aggregate key, the views' and the
 *       log's string ids) are compared by {@link SingleValueKeys} from their values, as their serialized bytes would
 *       compare, and written compactly (a tag {@code ObjectDataType} never writes, then the value);</li>
 *   <li>any other key is compared by its serialized bytes, remembered for keys made only of plain values (strings,
 *       numbers, booleans, nulls: equal keys always serialize to equal bytes) and serialized each time otherwise,
 *       and written as {@code ObjectDataType} writes it.</li>
 * </ul>
 * Reading takes both forms (anything not compact is read by {@code ObjectDataType}), so a file written by the stock
 * backend opens with this type, and its pages change to the compact form as they are rewritten. The order being the
 * same, the maps' B-trees stay valid across that change. (A file written with this type needs it, as it needs
 * {@link DocumentValueType} for its documents.) Remembering serialized bytes alone had stopped helping once an index
 * outgrew the memory (at a million events the lookups by {@code _id} serialized keys on almost every comparison;
 * docs/benchmarks.md, run I).
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
     * A key of one number or one string is estimated at its heap size ({@link SingleValueKeys#memory}). Any other
     * plain key's memory is estimated from its serialized bytes, as {@link ObjectDataType} does from the keys it
     * has written (twice their length); it learns that only in its own {@code write}, which plain keys bypass, and
     * starts from 10,000 bytes a key — which made every page look hundreds of times its size, filling the page
     * cache and the unsaved-memory budget (more commits) with nothing.
     */
    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key) {
            int memory = SingleValueKeys.memory(key);
            if (memory > 0) {
                return memory;
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
     * Writes a key of one number or one string compactly ({@link SingleValueKeys#write}), and any other as
     * {@link ObjectDataType} does — for a {@code KeyValue}, which it does not know, the tag of a serialized object,
     * the length and the Java-serialized bytes — taking a plain key's bytes from memory. Every
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
        return SingleValueKeys.isCompact(buff) ? SingleValueKeys.read(buff) : stored.read(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return stored.createStorage(size);
    }
}
