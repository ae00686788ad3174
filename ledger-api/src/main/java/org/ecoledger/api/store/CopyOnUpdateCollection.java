package org.ecoledger.api.store;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 collection, with its updates applied to a copy of each stored document.
 *
 * <p>The backend updates a document by changing, field by field, the very object its map holds and then putting it
 * back. The MVStore writes a map's changed pages, serializing the documents in them, in whichever thread commits (the
 * group commit, its background writer). An update that added or removed a field while a commit serialized the same
 * page made that commit fail with a {@link java.util.ConcurrentModificationException}, after which the MVStore closed
 * the file and every later read and write failed (seen in CI, loading the demo city; reproduced by
 * {@code StoredDocumentUpdateTest}). A commit could also have written a document half updated.
 *
 * <p>Here the documents an update or a find-and-modify matches are deep copies: the backend changes the copy and puts
 * it into the map as a new object, and an object in the map is never changed after it was put. Queries that only read
 * still get the stored objects, as before. Both update paths hold the collection's lock (the backend's collections
 * are synchronized), so the flag that says an update is under way needs no other guard.
 */
final class CopyOnUpdateCollection extends H2Collection {

    /** True while this collection's update or find-and-modify runs; read and written under the collection's lock. */
    private boolean updating;

    CopyOnUpdateCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                           CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        boolean outer = !updating;
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            if (outer) {
                updating = false;
            }
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        boolean outer = !updating;
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            if (outer) {
                updating = false;
            }
        }
    }

    @Override
    protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                                      int batchSize, Document fieldSelector) {
        QueryResult stored = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return stored;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : stored) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, stored.getCursorId());
    }
}
