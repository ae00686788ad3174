package org.ecoledger.api.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 backend with its unique indexes opened with {@link IndexKeyType} (the same files and the
 * same order, without a Java serialization per key comparison) and its documents kept as BSON
 * ({@link DocumentValueType}) instead of Java-serialized objects.
 *
 * <p>The backend opens an index's map by name with H2's default types; an {@link MVStore} hands out the map that is
 * already open under a name, so opening it first with the other types is enough. The maps' names are the
 * backend's ({@code databases.<database>.<collection>} for documents, {@code <database>.<collection>._index_<index>}
 * for an index); should a later version of the backend name its maps otherwise, its own open wins and the map works
 * as before, only slower.
 */
final class LedgerH2Backend extends H2Backend {

    LedgerH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Not static: the store is reached through the backend, also while the database's constructor opens indexes. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, LedgerH2Backend.this.getMvStore(), LedgerH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String mapName = "databases." + getFullCollectionNamespace(collectionName);
            getMvStore().openMap(mapName, new MVMap.Builder<Object, Object>().valueType(new DocumentValueType()));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            getMvStore().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
