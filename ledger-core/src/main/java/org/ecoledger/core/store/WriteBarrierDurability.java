package org.ecoledger.core.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;

import java.util.Objects;

/**
 * Durability on a store whose acknowledgement comes from the write concern: a real MongoDB (journaled majority) or
 * the ledger's store mode over the wire (which answers a write only after a group commit that started after it).
 * An acknowledged write is durable already, so {@link #awaitDurable()} does nothing.
 *
 * <p>{@link #awaitReadsDurable()} writes a barrier (an increment of one document in {@code ledger_meta}) and waits
 * for its acknowledgement. On a replica set the barrier is majority-committed only after every earlier entry of the
 * primary's oplog, so everything read before it can no longer be rolled back; on the store mode its group commit
 * holds every write applied before the barrier, so everything read before it survives a crash of the store process.
 * Both hold with the write concern the application sets by default (journaled majority); a URI that asks for less
 * (say {@code w=1}) weakens the barrier with every other write.
 */
public final class WriteBarrierDurability implements StoreDurability {

    /** The {@code _id} of the barrier document in {@code ledger_meta}. */
    public static final String BARRIER_ID = "read-barrier";

    private final MongoCollection<BsonDocument> meta;

    public WriteBarrierDurability(MongoDatabase database) {
        this.meta = Objects.requireNonNull(database, "database").getCollection(LedgerSchema.META, BsonDocument.class);
    }

    @Override
    public void awaitDurable() {
        // the write concern made the write durable before it was acknowledged
    }

    @Override
    public void awaitReadsDurable() {
        try {
            meta.updateOne(Filters.eq("_id", BARRIER_ID), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw new StoreUnavailableException("the store could not confirm that what was read is durable: "
                                                        + e.getMessage(), e);
        }
    }
}
