package org.ecoledger.core.store;

import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_ID;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_KEY;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_TYPE;
import static org.ecoledger.core.store.LedgerSchema.COUNT;
import static org.ecoledger.core.store.LedgerSchema.EVENTS_FIELD;
import static org.ecoledger.core.store.LedgerSchema.EVENT_ID;
import static org.ecoledger.core.store.LedgerSchema.FIRST_SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.GLOBAL_INDEX;
import static org.ecoledger.core.store.LedgerSchema.HASH;
import static org.ecoledger.core.store.LedgerSchema.HEAD_HINT_ID;
import static org.ecoledger.core.store.LedgerSchema.ID;
import static org.ecoledger.core.store.LedgerSchema.LAST_SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.METADATA;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_REVISION;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_TYPE;
import static org.ecoledger.core.store.LedgerSchema.PREV_HASH;
import static org.ecoledger.core.store.LedgerSchema.SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.LedgerExport;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * 备份与恢复 (backup and restore) at the level of the stored documents: reads every stored entry in global-index
 * order with the commit it belongs to, and writes commit documents back exactly as the engine writes them (same
 * global indexes, sequences, fields and hashes; docs/event-store.md), into an empty store. Nothing is deserialized
 * into domain objects and nothing is hashed anew: a restored ledger holds the very bytes the chain and the log cover.
 */
public final class LedgerBackup {

    /** The most entries one call of {@link #read} returns. */
    public static final int MAX_ENTRIES_PER_READ = 1_000;

    private final MongoCollection<BsonDocument> events;
    private final MongoCollection<BsonDocument> meta;
    private final CommitLog commitLog;

    public LedgerBackup(MongoDatabase database) {
        this(database, KeyedReads.overDriver(database));
    }

    /** Reads the commits with {@code reads} (the embedded store's own maps, in its process); writes to the database. */
    public LedgerBackup(MongoDatabase database, KeyedReads reads) {
        this.events = database.getCollection(LedgerSchema.EVENTS, BsonDocument.class);
        this.meta = database.getCollection(LedgerSchema.META, BsonDocument.class);
        this.commitLog = new CommitLog(reads);
    }

    /**
     * The stored entries from global index {@code from} on, in order, at most {@code max} (bounded by
     * {@link #MAX_ENTRIES_PER_READ}); fewer when the stored entries end before.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<LedgerExport.Entry> read(long from, int max) {
        int limit = Math.max(0, Math.min(max, MAX_ENTRIES_PER_READ));
        List<LedgerExport.Entry> entries = new ArrayList<>(limit);
        if (limit == 0) {
            return entries;
        }
        try {
            BsonDocument commit = commitLog.holdingIndex(from);
            long cursor = from;
            while (commit != null && cursor < from + limit) {
                long start = CommitLog.start(commit);
                for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
                    StoredEntry entry = RecordVerifier.toStoredEntry(commit, value.asDocument());
                    long index = entry.entry().globalIndex();
                    if (index >= cursor && index < from + limit) {
                        entries.add(new LedgerExport.Entry(start, entry));
                    }
                }
                cursor = Math.max(cursor, CommitLog.end(commit));
                if (cursor >= from + limit) {
                    break;
                }
                Map<Long, BsonDocument> next = commitLog.startingIn(cursor, 1);
                commit = next.get(cursor);
            }
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading the ledger from global index "
                                                        + from, e);
        }
        return entries;
    }

    /** Whether the store holds no event at all (a ledger that may be restored into). */
    public boolean empty() {
        try {
            return events.find().limit(1).first() == null;
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable", e);
        }
    }

    /**
     * Writes one commit document back: {@code entries} are the events of the commit that started at global index
     * {@code commit}, in order, as they were stored.
     *
     * @throws IllegalArgumentException when the entries are not one record's consecutive sequences at consecutive
     *                                  global indexes from {@code commit}
     * @throws StoreUnavailableException when the store refuses the write (a document already at that index)
     */
    public void restore(long commit, List<StoredEntry> entries) {
        if (entries.isEmpty() || entries.size() > LedgerEventStorageEngine.MAX_EVENTS_PER_COMMIT) {
            throw new IllegalArgumentException("a commit holds 1 to " + LedgerEventStorageEngine.MAX_EVENTS_PER_COMMIT
                                                       + " entries, not " + entries.size());
        }
        ChainEntry first = entries.get(0).entry();
        BsonArray stored = new BsonArray();
        for (int i = 0; i < entries.size(); i++) {
            ChainEntry entry = entries.get(i).entry();
            if (entry.globalIndex() != commit + i || entry.sequence() != first.sequence() + i
                    || !entry.aggregateId().equals(first.aggregateId())
                    || !entry.aggregateType().equals(first.aggregateType())) {
                throw new IllegalArgumentException("entry " + i + " of the commit at " + commit + " is not "
                        + first.aggregateId() + " sequence " + (first.sequence() + i) + " at global index "
                        + (commit + i));
            }
            stored.add(new BsonDocument(GLOBAL_INDEX, new BsonInt64(entry.globalIndex()))
                               .append(SEQUENCE, new BsonInt64(entry.sequence()))
                               .append(EVENT_ID, new BsonString(entry.eventId()))
                               .append(PAYLOAD_TYPE, new BsonString(entry.payloadType()))
                               .append(PAYLOAD_REVISION, entry.payloadRevision() == null
                                       ? BsonNull.VALUE : new BsonString(entry.payloadRevision()))
                               .append(TIMESTAMP, new BsonString(entry.timestamp()))
                               .append(PAYLOAD, BsonJson.toBson(entry.payload()))
                               .append(METADATA, BsonJson.toBsonDocument(entry.metadata()))
                               .append(PREV_HASH, new BsonString(entry.prevHash()))
                               .append(HASH, new BsonString(entries.get(i).storedHash())));
        }
        BsonDocument document = new BsonDocument(ID, new BsonInt64(commit))
                .append(AGGREGATE_TYPE, new BsonString(first.aggregateType()))
                .append(AGGREGATE_ID, new BsonString(first.aggregateId()))
                .append(AGGREGATE_KEY, new BsonString(LedgerSchema.aggregateKey(first.aggregateId(), first.sequence())))
                .append(FIRST_SEQUENCE, new BsonInt64(first.sequence()))
                .append(LAST_SEQUENCE, new BsonInt64(first.sequence() + entries.size() - 1))
                .append(COUNT, new BsonInt32(entries.size()))
                .append(EVENTS_FIELD, stored);
        try {
            events.insertOne(document);
        } catch (MongoException e) {
            throw new StoreUnavailableException("The commit at global index " + commit + " could not be written", e);
        }
    }

    /** Moves the hint of where the log ends (a restore writes behind the engine's back). */
    public void moveHeadHint(long end) {
        try {
            meta.updateOne(Filters.eq(ID, HEAD_HINT_ID), Updates.max("next", end), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw new StoreUnavailableException("The head hint could not be written", e);
        }
    }
}
