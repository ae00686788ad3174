package org.ecoledger.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
 * mongo-java-server's H2 collection, with two changes.
 *
 * <p><b>Updates change a copy of each stored document.</b> The backend updates a document by changing, field by field,
 * the very object its map holds and then putting it back. The MVStore writes a map's changed pages, serializing the
 * documents in them, in whichever thread commits (the group commit, its background writer). An update that added or
 * removed a field while a commit serialized the same page made that commit fail with a
 * {@link java.util.ConcurrentModificationException}, after which the MVStore closed the file and every later read and
 * write failed (seen in CI, loading the demo city; reproduced by {@code StoredDocumentUpdateTest}). A commit could
 * also have written a document half updated. Here the documents an update or a find-and-modify matches are deep
 * copies: the backend changes the copy and puts it into the map as a new object, and an object in the map is never
 * changed after it was put. Queries that only read still get the stored objects, as before. Both update paths hold
 * the collection's lock (the backend's collections are synchronized), so the flag that says an update is under way
 * needs no other guard.
 *
 * <p><b>The data size is computed when asked for, not kept up to date on every write.</b> The backend kept the
 * collection's data size (what {@code collStats} and {@code dbStats} report as {@code size}) by encoding every
 * inserted, updated (old and new) and deleted document to BSON with its byte-at-a-time encoder just to measure it,
 * and writing the sum into a map of its own: 28 % of the server's CPU samples in a profile of a replay of the demo
 * city, most of them while the views' reset deleted their documents. Nothing in the ledger reads it; a tool that
 * asks ({@code db.collection.stats()} in mongosh) gets it computed from the stored documents, which costs a pass
 * over the collection.
 */
final class LedgerH2Collection extends H2Collection {

    /** True while this collection's update or find-and-modify runs; read and written under the collection's lock. */
    private boolean updating;

    /** False while the backend's constructor runs (it reads the data size it stored, for a debug line). */
    private final boolean constructed;

    private final MVMap<Object, Document> documents;

    LedgerH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
        this.constructed = true;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The BSON size of every stored document, summed now (at most {@link Integer#MAX_VALUE}, as the backend's). */
    @Override
    protected synchronized int getDataSize() {
        if (!constructed) {
            return super.getDataSize();
        }
        long size = 0;
        for (Document document : documents.values()) {
            size += DocumentValueType.bsonSize(document);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return onCopies(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return onCopies(() -> super.findAndModify(query));
    }

    /** Runs an update with {@link #queryDocuments} handing it copies; called under the collection's lock. */
    private Document onCopies(Supplier<Document> update) {
        boolean outer = !updating;
        updating = true;
        try {
            return update.get();
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
