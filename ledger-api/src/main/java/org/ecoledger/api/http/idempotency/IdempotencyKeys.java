package org.ecoledger.api.http.idempotency;

import java.time.Clock;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The {@code idempotency_keys} collection: one document per key and authenticated user ({@code _id} is
 * {@code "<key> <user>"}; a key holds no space, so the split is unambiguous), holding a fingerprint of the request
 * and, once answered, the answer. Every lookup is by exact {@code _id}. Kept in the store, so keys survive a restart
 * and hold across application nodes.
 */
public class IdempotencyKeys {

    /** The collection's name. */
    public static final String COLLECTION = "idempotency_keys";

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    /** The request failed with a 5xx: whether it wrote is unknown; the same request may try again. */
    static final String FAILED = "FAILED";

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public IdempotencyKeys(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** A stored key: the request's fingerprint, its state, and for a finished request the answer. */
    public record Stored(String fingerprint, String state, int status, String contentType, String location,
                         String body) {
        boolean done() {
            return DONE.equals(state);
        }
    }

    /**
     * The outcome of a claim: the key is this request's now ({@code earlier} empty), fresh or as a retry of an
     * earlier attempt that failed with a 5xx (which may have written); or it belongs to an earlier request.
     */
    public record Claim(Optional<Stored> earlier, boolean retry) {

        static Claim fresh() {
            return new Claim(Optional.empty(), false);
        }

        static Claim retryOfFailed() {
            return new Claim(Optional.empty(), true);
        }

        static Claim taken(Stored earlier) {
            return new Claim(Optional.of(earlier), false);
        }
    }

    static String id(String key, String user) {
        return key + " " + user;
    }

    /**
     * Claims the key for a request. A key whose earlier attempt failed (5xx) is claimed again by the same request
     * (same fingerprint) as a retry; only one retry at a time wins it.
     *
     * @throws com.mongodb.MongoException when the store is unavailable
     */
    public Claim claim(String key, String user, String fingerprint) {
        try {
            keys.insertOne(new Document("_id", id(key, user)).append("key", key).append("user", user)
                                   .append("fingerprint", fingerprint).append("state", IN_PROGRESS)
                                   .append("startedAt", clock.instant().toString()));
            return Claim.fresh();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document stored = keys.find(Filters.eq("_id", id(key, user))).first();
        if (stored == null) {
            // Deleted between our insert and our read (an older version released keys): claim again.
            return claim(key, user, fingerprint);
        }
        if (FAILED.equals(stored.getString("state")) && fingerprint.equals(stored.getString("fingerprint"))) {
            // Take the retry by an update of the whole document by _id (the embedded store matches only exact keys);
            // the state it had just before says whether this request won it.
            Document before = keys.findOneAndUpdate(Filters.eq("_id", id(key, user)), Updates.combine(
                    Updates.set("state", IN_PROGRESS), Updates.set("retriedAt", clock.instant().toString())));
            if (before != null && FAILED.equals(before.getString("state"))) {
                return Claim.retryOfFailed();
            }
            if (before != null && DONE.equals(before.getString("state"))) {
                // Another retry finished in between: put its answer back.
                keys.replaceOne(Filters.eq("_id", id(key, user)), before);
            }
            stored = before == null ? stored : before;
        }
        return Claim.taken(stored(stored));
    }

    private static Stored stored(Document stored) {
        return new Stored(stored.getString("fingerprint"), stored.getString("state"),
                          stored.getInteger("status", 0), stored.getString("contentType"),
                          stored.getString("location"), stored.getString("body"));
    }

    /** Records the answer of a claimed key. */
    public void complete(String key, String user, int status, String contentType, String location, String body) {
        keys.updateOne(Filters.eq("_id", id(key, user)),
                       Updates.combine(Updates.set("state", DONE), Updates.set("status", status),
                                       Updates.set("contentType", contentType), Updates.set("location", location),
                                       Updates.set("body", body),
                                       Updates.set("completedAt", clock.instant().toString())));
    }

    /**
     * Marks a claimed key's request as failed with a 5xx: nothing is known to be written, but it may have been (the
     * store went away after the write). The same request may claim the key again ({@link Claim#retry()}), and its
     * writer then looks for what the failed attempt stored before writing anything.
     */
    public void failed(String key, String user) {
        keys.updateOne(Filters.eq("_id", id(key, user)), Updates.combine(
                Updates.set("state", FAILED), Updates.set("failedAt", clock.instant().toString())));
    }
}
