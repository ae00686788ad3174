package org.ecoledger.api.store;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 backend with its unique indexes opened with {@link IndexKeyType} (the same files and the
 * same order, without a Java serialization per key comparison), its documents kept as BSON
 * ({@link DocumentValueType}) instead of Java-serialized objects, and its collections as {@link LedgerH2Collection}
 * (updates change a copy of a stored document; the data size is computed when asked for).
 *
 * <p>The backend opens an index's map by name with H2's default types; an {@link MVStore} hands out the map that is
 * already open under a name, so opening it first with the other types is enough. The maps' names are the
 * backend's ({@code databases.<database>.<collection>} for documents, {@code <database>.<collection>._index_<index>}
 * for an index); should a later version of the backend name its maps otherwise, its own open wins and the map works
 * as before, only slower.
 *
 * <p><b>Every command runs on a pinned version.</b> The backend reads a map at the version current when a command
 * starts, without telling the MVStore, and the MVStore reuses a chunk once no version it knows of needs it and the
 * retention time ({@link MvStoreSettings#RETENTION_TIME_MILLIS}, 1 s) has passed. A command that runs longer — a
 * {@code deleteMany} of a million view entries when the views are reset, a scan of a large collection — then read
 * pages from chunks that background commits and compaction had already overwritten, and failed with "Chunk … not
 * found" (it stopped the benchmark's replay at 1M events). So each command registers its version with the MVStore
 * for as long as it runs; the chunks that version needs stay until it ends. The backend's cursors hold their
 * documents in memory, so nothing reads a map between commands.
 */
final class LedgerH2Backend extends H2Backend {

    /** One unique index the backend has opened, as {@link StoreRecovery} checks it. */
    record UniqueIndex(String database, String collection, String name, boolean sparse, Index<Object> index) {
    }

    /**
     * The unique indexes opened so far. No initializer on purpose: the backend's constructor opens every existing
     * index before this class's field initializers would run, and a field without one keeps what it was given.
     */
    private List<UniqueIndex> uniqueIndexes;

    LedgerH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    /** Every unique index of every collection in the file, as opened by the backend. */
    synchronized List<UniqueIndex> uniqueIndexes() {
        return uniqueIndexes == null ? List.of() : List.copyOf(uniqueIndexes);
    }

    private synchronized void opened(UniqueIndex index) {
        if (uniqueIndexes == null) {
            uniqueIndexes = new ArrayList<>();
        }
        uniqueIndexes.add(index);
    }

    /** Marks the file closed cleanly ({@link StoreRecovery}) before the backend closes it. */
    @Override
    public void close() {
        try {
            if (!getMvStore().isClosed()) {
                StoreRecovery.markClosed(getMvStore());
            }
        } finally {
            super.close();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MVStore.TxCounter pinned = getMvStore().registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            getMvStore().deregisterVersionUsage(pinned);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter pinned = getMvStore().registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            getMvStore().deregisterVersionUsage(pinned);
        }
    }

    /** How the backend's document maps are named: this prefix, then {@code <database>.<collection>}. */
    static final String DOCUMENTS_PREFIX = "databases.";

    /** The backend's name of a collection's document map. */
    static String documentsMapName(String database, String collection) {
        return DOCUMENTS_PREFIX + database + "." + collection;
    }

    /** The backend's name of a collection's map of counters (its data size). */
    static String metaMapName(String database, String collection) {
        return "meta." + database + "." + collection;
    }

    /** The backend's name of a unique index's map. */
    static String indexMapName(String database, String collection, String index) {
        return database + "." + collection + "._index_" + index;
    }

    /** Opens a document map with {@link DocumentValueType}, or returns it as already open. */
    static MVMap<Object, Object> openDocuments(MVStore mvStore, String name) {
        return mvStore.openMap(name, new MVMap.Builder<Object, Object>().valueType(new DocumentValueType()));
    }

    /** Opens a unique index's map with {@link IndexKeyType}, or returns it as already open. */
    static MVMap<Object, Object> openIndex(MVStore mvStore, String name) {
        return mvStore.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
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

        /** The backend's collection, as {@link LedgerH2Collection}, on the backend's maps. */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVMap documents = openDocuments(getMvStore(), documentsMapName(getDatabaseName(), collectionName));
            MVMap<String, Object> meta = getMvStore().openMap(metaMapName(getDatabaseName(), collectionName));
            return new LedgerH2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            openIndex(getMvStore(), indexMapName(getDatabaseName(), collectionName, indexName));
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            opened(new UniqueIndex(getDatabaseName(), collectionName, indexName, sparse, index));
            return index;
        }
    }
}
