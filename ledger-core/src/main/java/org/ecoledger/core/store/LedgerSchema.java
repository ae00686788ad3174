package org.ecoledger.core.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.ecoledger.core.chain.HashAlgorithm;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The layout of the ledger's collections. Every hot path is an exact-key or {@code $in} lookup on a unique index
 * ({@code _id} or {@code ak}), the only kind the embedded server uses and the cheapest on a real MongoDB.
 *
 * <pre>
 * events      one document per unit of work (a "commit"):
 *             { _id: global index of its first event, aggregateType, aggregateId,
 *               ak: "&lt;aggregateId&gt;#&lt;firstSequence&gt;" (unique), firstSequence, lastSequence, count,
 *               events: [ { globalIndex, sequence, eventId, payloadType, payloadRevision, timestamp,
 *                           payload, metadata, prevHash, hash } ] }
 * snapshots   { _id: aggregateId, aggregateType, sequence, eventId, payloadType, payloadRevision, timestamp,
 *               payload, metadata }
 * ledger_meta { _id: "genesis", scheme, hashAlgorithm, createdAt }  and  { _id: "head", next }  (a hint only)
 * </pre>
 *
 * The specification an auditor works from is {@code docs/hash-chain.md}.
 */
public final class LedgerSchema {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String META = "ledger_meta";

    /** The version of the stored layout and of the canonical encoding hashed into the chain. */
    public static final int SCHEME = 1;

    static final String ID = "_id";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_KEY = "ak";
    /** The name of the unique index on {@link #AGGREGATE_KEY}. */
    public static final String AGGREGATE_KEY_INDEX = "aggregate_key";
    static final String FIRST_SEQUENCE = "firstSequence";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String COUNT = "count";
    static final String EVENTS_FIELD = "events";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String SEQUENCE = "sequence";
    static final String EVENT_ID = "eventId";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD = "payload";
    static final String METADATA = "metadata";
    static final String PREV_HASH = "prevHash";
    static final String HASH = "hash";

    static final String GENESIS_ID = "genesis";
    static final String HEAD_HINT_ID = "head";

    private LedgerSchema() {
    }

    /** The aggregate key that makes a record's sequence numbers unique: {@code <aggregateId>#<firstSequence>}. */
    public static String aggregateKey(String aggregateId, long firstSequence) {
        return aggregateId + '#' + firstSequence;
    }

    /**
     * Creates the indexes (idempotent) and the genesis document on first use, and checks that an existing ledger
     * was created with the requested hash algorithm: the algorithm is fixed when the ledger is created and is never
     * switched silently.
     *
     * @return the genesis of this ledger
     * @throws IllegalStateException when the stored ledger uses another algorithm than {@code requested}
     */
    public static LedgerGenesis ensure(MongoDatabase database, HashAlgorithm requested, Clock clock) {
        MongoCollection<BsonDocument> events = database.getCollection(EVENTS, BsonDocument.class);
        events.createIndex(Indexes.ascending(AGGREGATE_KEY),
                           new IndexOptions().name(AGGREGATE_KEY_INDEX).unique(true).sparse(true));
        MongoCollection<BsonDocument> meta = database.getCollection(META, BsonDocument.class);
        BsonDocument genesis = new BsonDocument(ID, new BsonString(GENESIS_ID))
                .append("scheme", new BsonInt32(SCHEME))
                .append("hashAlgorithm", new BsonString(requested.id()))
                .append("createdAt", new BsonString(DateTimeFormatter.ISO_INSTANT.format(clock.instant())));
        try {
            meta.insertOne(genesis);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        BsonDocument stored = meta.find(new BsonDocument(ID, new BsonString(GENESIS_ID))).first();
        if (stored == null) {
            throw new IllegalStateException("The ledger's genesis document could not be read back");
        }
        LedgerGenesis found = new LedgerGenesis(
                (int) BsonJson.toLong(stored.get("scheme")),
                HashAlgorithm.fromId(stored.getString("hashAlgorithm").getValue()),
                stored.getString("createdAt").getValue());
        if (found.scheme() != SCHEME) {
            throw new IllegalStateException("The ledger was written with storage scheme " + found.scheme()
                                                    + "; this version reads scheme " + SCHEME);
        }
        if (found.hashAlgorithm() != requested) {
            throw new IllegalStateException(
                    "The ledger was created with hash algorithm " + found.hashAlgorithm().id() + " on "
                            + found.createdAt() + "; the configured algorithm " + requested.id()
                            + " cannot switch it (set LEDGER_HASH_ALGORITHM=" + found.hashAlgorithm().id() + ")");
        }
        return found;
    }
}
