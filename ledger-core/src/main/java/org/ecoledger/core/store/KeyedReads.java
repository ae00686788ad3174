package org.ecoledger.core.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads of documents by exact keys — a collection's {@code _id}, or the one field of a unique index — which is how the
 * ledger reads its hot data: the commits of the {@code events} collection (by the global index of their first event,
 * or by a record's aggregate key), and the transparency log's subtree hashes. Keys are {@link String}, {@link Long}
 * or {@link Integer} values and match stored values as a query's {@code $in} does (an integer key matches a stored
 * integer of either width).
 *
 * <p>{@link #overDriver} asks with {@code $in} queries through the MongoDB driver and works on every store. When the
 * embedded store runs in the application's own process, the application reads its maps directly instead
 * (docs/event-store.md, "Reads in the embedded store's process"): the same documents, without the wire protocol.
 * Either way a read that cannot reach the store throws a {@link com.mongodb.MongoException}, which the callers turn
 * into a {@link StoreUnavailableException}.
 */
public interface KeyedReads {

    /** The documents of {@code collection} whose {@code _id} is one of {@code ids}, in no particular order. */
    List<BsonDocument> byId(String collection, List<?> ids);

    /**
     * The documents of {@code collection} whose {@code field}, indexed by the unique single-field index
     * {@code index}, is one of {@code values}, in no particular order.
     */
    List<BsonDocument> byUniqueKey(String collection, String index, String field, List<?> values);

    /** Reads through the driver: {@code $in} (or, for one key, equality) queries. */
    static KeyedReads overDriver(MongoDatabase database) {
        return new OverDriver(database);
    }

    /** The BSON value of a key. */
    static BsonValue bson(Object key) {
        if (key instanceof String text) {
            return new BsonString(text);
        }
        if (key instanceof Long number) {
            return new BsonInt64(number);
        }
        if (key instanceof Integer number) {
            return new BsonInt32(number);
        }
        throw new IllegalArgumentException("a key is a String, a Long or an Integer, not " + key);
    }

    /** {@link #overDriver}. */
    final class OverDriver implements KeyedReads {

        private final MongoDatabase database;

        OverDriver(MongoDatabase database) {
            this.database = requireNonNull(database, "database");
        }

        @Override
        public List<BsonDocument> byId(String collection, List<?> ids) {
            return find(collection, "_id", ids);
        }

        @Override
        public List<BsonDocument> byUniqueKey(String collection, String index, String field, List<?> values) {
            return find(collection, field, values);
        }

        private List<BsonDocument> find(String collection, String field, List<?> keys) {
            if (keys.isEmpty()) {
                return List.of();
            }
            MongoCollection<BsonDocument> documents = database.getCollection(collection, BsonDocument.class);
            if (keys.size() == 1) {
                BsonDocument found = documents.find(Filters.eq(field, bson(keys.get(0)))).first();
                return found == null ? List.of() : List.of(found);
            }
            List<BsonValue> values = new ArrayList<>(keys.size());
            for (Object key : keys) {
                values.add(bson(key));
            }
            return documents.find(Filters.in(field, values)).into(new ArrayList<>());
        }
    }
}
