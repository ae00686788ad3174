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

    static String id(String key, String user) {
        return key + " " + user;
    }

    /**
     * Claims the key for a request; empty when claimed now, else what was stored under it before.
     *
     * @throws com.mongodb.MongoException when the store is unavailable
     */
    public Optional<Stored> claim(String key, String user, String fingerprint) {
        try {
            keys.insertOne(new Document("_id", id(key, user)).append("key", key).append("user", user)
                                   .append("fingerprint", fingerprint).append("state", IN_PROGRESS)
                                   .append("startedAt", clock.instant().toString()));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document stored = keys.find(Filters.eq("_id", id(key, user))).first();
        if (stored == null) {
            // Released between our insert and our read: claim again.
            return claim(key, user, fingerprint);
        }
        return Optional.of(new Stored(stored.getString("fingerprint"), stored.getString("state"),
                                      stored.getInteger("status", 0), stored.getString("contentType"),
                                      stored.getString("location"), stored.getString("body")));
    }

    /** Records the answer of a claimed key. */
    public void complete(String key, String user, int status, String contentType, String location, String body) {
        keys.updateOne(Filters.eq("_id", id(key, user)),
                       Updates.combine(Updates.set("state", DONE), Updates.set("status", status),
                                       Updates.set("contentType", contentType), Updates.set("location", location),
                                       Updates.set("body", body),
                                       Updates.set("completedAt", clock.instant().toString())));
    }

    /** Gives a claimed key up (the request failed for a reason a retry may not meet): it may be used again. */
    public void release(String key, String user) {
        keys.deleteOne(Filters.eq("_id", id(key, user)));
    }
}
