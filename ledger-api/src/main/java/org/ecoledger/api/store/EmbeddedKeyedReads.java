package org.ecoledger.api.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.types.ObjectId;
import org.ecoledger.core.store.KeyedReads;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import com.mongodb.MongoException;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The ledger's reads by exact keys ({@link KeyedReads}) answered from the embedded store's own maps, in the process
 * that runs it: a unique index's map ({@code _id_} for {@code _id}) and then the collection's document map — the
 * lookups mongo-java-server itself makes for an exact-key query — handed
 * over as the BSON the server would have sent (the same encoder), decoded by the driver's codec. What is skipped is
 * the rest of a query's way through the server: the wire protocol and its threads, the cursor, and re-matching every
 * found document against the whole {@code $in} list, which took most of the CPU of a verification run
 * (docs/benchmarks.md).
 *
 * <p>It sees what the server would answer at that moment: the server writes through the same maps and puts a
 * document into its document map only after every unique index accepted it; other nodes' writes arrive through the
 * server. Writes always go through the server. Each call reads on a version registered with the MVStore, as
 * {@link LedgerH2Backend} does for every command. A read on a closed store throws a {@link MongoException}, as the
 * driver would.
 */
final class EmbeddedKeyedReads implements KeyedReads {

    /** mongo-java-server's name of every collection's index on {@code _id}. */
    static final String ID_INDEX = "_id_";

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final MVStore mvStore;
    private final String database;
    /** The maps opened so far, by name; a dropped collection's closed map is replaced when next asked for. */
    private final Map<String, MVMap<Object, Object>> maps = new ConcurrentHashMap<>();

    EmbeddedKeyedReads(MVStore mvStore, String database) {
        this.mvStore = mvStore;
        this.database = database;
    }

    /**
     * By {@code _id}, through the collection's {@code _id_} index as the server's own query does — not straight from
     * the document map by key: a document the map holds without its index entry (mongo-java-server writes a document
     * and its index entries as separate map changes, and a commit of the MVStore between them that is the last before
     * a crash keeps the document alone) is as invisible here as to any query through the server.
     */
    @Override
    public List<BsonDocument> byId(String collection, List<?> ids) {
        return byUniqueKey(collection, ID_INDEX, "_id", ids);
    }

    @Override
    public List<BsonDocument> byUniqueKey(String collection, String index, String field, List<?> values) {
        return read(collection, LedgerH2Backend.indexMapName(database, collection, index), values);
    }

    /** Each key looked up in the index map, then its position in the collection's document map. */
    private List<BsonDocument> read(String collection, String indexName, List<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        for (Object key : keys) {
            KeyedReads.bson(key); // the same keys as through the driver, or the same refusal
        }
        MVStore.TxCounter pinned = null;
        try {
            pinned = mvStore.registerVersionUsage();
            MVMap<Object, Object> documents = map(LedgerH2Backend.documentsMapName(database, collection), false);
            MVMap<Object, Object> index = map(indexName, true);
            if (documents == null || index == null) {
                return List.of();
            }
            List<BsonDocument> found = new ArrayList<>(keys.size());
            // each document once, as an $in query answers, however often its key is asked for
            for (Object key : keys.size() == 1 ? keys : new LinkedHashSet<>(keys)) {
                // the key as the index stores it: normalized as the server normalizes (an integer id as a double)
                Object at = index.get(new KeyValue(key).normalized());
                Object document = at == null ? null : documents.get(at);
                if (document instanceof Document stored) {
                    found.add(bson(stored));
                }
            }
            return found;
        } catch (MVStoreException | IllegalStateException closed) {
            throw new MongoException("The embedded store cannot be read: " + closed.getMessage(), closed);
        } finally {
            if (pinned != null) {
                mvStore.deregisterVersionUsage(pinned);
            }
        }
    }

    /**
     * The map named {@code name}, or null while the server has not created it. It is opened here only once it exists,
     * with the types {@link LedgerH2Backend} opens it with (whichever opens it first, both get the same instance), and
     * never created here.
     */
    private MVMap<Object, Object> map(String name, boolean index) {
        MVMap<Object, Object> map = maps.get(name);
        if (map != null && !map.isClosed()) {
            return map;
        }
        if (mvStore.isClosed()) {
            throw new MongoException("The embedded store is closed");
        }
        if (!mvStore.hasMap(name)) {
            return null;
        }
        map = index ? LedgerH2Backend.openIndex(mvStore, name) : LedgerH2Backend.openDocuments(mvStore, name);
        maps.put(name, map);
        return map;
    }

    /**
     * The document as the server sends it. The value types the store's decoder produces for the ledger's documents
     * (documents, arrays, text, 32- and 64-bit integers, doubles, booleans, null, dates, generic binary data, object
     * ids, decimals) are converted to the driver's BSON values directly, each into what the server's encoder writes
     * for it and the driver decodes; a document holding any other value goes the wire's way: the server's BSON
     * encoder, then the driver's decoder.
     */
    static BsonDocument bson(Document document) {
        BsonDocument converted = convert(document);
        return converted != null ? converted : encoded(document);
    }

    /** The document converted value by value, or null when it holds a value not converted here. */
    private static BsonDocument convert(Map<String, Object> document) {
        BsonDocument converted = new BsonDocument();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            BsonValue value = convert(field.getValue());
            if (value == null) {
                return null;
            }
            converted.put(field.getKey(), value);
        }
        return converted;
    }

    @SuppressWarnings("unchecked")
    private static BsonValue convert(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (value instanceof String text) {
            return new BsonString(text);
        }
        if (value instanceof Long number) {
            return new BsonInt64(number);
        }
        if (value instanceof Integer number) {
            return new BsonInt32(number);
        }
        if (value instanceof Boolean truth) {
            return BsonBoolean.valueOf(truth);
        }
        if (value instanceof Document nested) {
            return convert((Map<String, Object>) nested);
        }
        if (value instanceof List<?> list) {
            BsonArray array = new BsonArray(new ArrayList<>(list.size()));
            for (Object element : list) {
                BsonValue converted = convert(element);
                if (converted == null) {
                    return null;
                }
                array.add(converted);
            }
            return array;
        }
        if (value instanceof Double number) {
            return new BsonDouble(number);
        }
        if (value instanceof Instant instant) {
            return new BsonDateTime(instant.toEpochMilli());
        }
        if (value instanceof BinData binary) {
            return new BsonBinary(binary.getData());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.ObjectId id) {
            return new BsonObjectId(new ObjectId(id.toByteArray()));
        }
        if (value instanceof de.bwaldvogel.mongo.bson.Decimal128 decimal) {
            return new BsonDecimal128(org.bson.types.Decimal128.fromIEEE754BIDEncoding(decimal.getHigh(),
                                                                                        decimal.getLow()));
        }
        return null;
    }

    /** The wire's way: the server's BSON encoder, then the driver's decoder. */
    static BsonDocument encoded(Document document) {
        ByteBuf buffer = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            ByteBuffer bytes = buffer.nioBuffer();
            try (BsonBinaryReader reader = new BsonBinaryReader(bytes)) {
                return CODEC.decode(reader, DECODING);
            }
        } finally {
            buffer.release();
        }
    }
}
