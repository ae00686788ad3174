package org.ecoledger.api.http.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
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
public class IdempotencyKeys implements AutoCloseable {

    /** The collection's name. */
    public static final String COLLECTION = "idempotency_keys";

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    /** The request failed with a 5xx: whether it wrote is unknown; the same request may try again. */
    static final String FAILED = "FAILED";
    /** The field holding the identity of the attempt that holds (or last held) the key. */
    static final String CLAIM = "claim";

    /** How often outcomes (answers, failures) the store could not take are written again. */
    public static final Duration PENDING_RETRY_INTERVAL = Duration.ofSeconds(1);
    /** Most outcomes kept waiting for the store. */
    public static final int MAX_PENDING = 10_000;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Map<String, Bson> pending = new ConcurrentHashMap<>();
    /** Claims whose write failed ambiguously, by key id: the claim's identity, to release it if it landed. */
    private final Map<String, String> unconfirmed = new ConcurrentHashMap<>();
    private ScheduledExecutorService retrier;

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
        String claimId = UUID.randomUUID().toString();
        try {
            return claim(key, user, fingerprint, claimId);
        } catch (MongoException e) {
            // The store may have taken the claim without this node learning it: release it once the store is back,
            // if the key still holds this claim (a claim that did not land is never found there, so nothing happens).
            releaseIfUnconfirmed(id(key, user), claimId);
            throw e;
        }
    }

    private Claim claim(String key, String user, String fingerprint, String claimId) {
        try {
            keys.insertOne(new Document("_id", id(key, user)).append("key", key).append("user", user)
                                   .append("fingerprint", fingerprint).append("state", IN_PROGRESS)
                                   .append(CLAIM, claimId)
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
            return claim(key, user, fingerprint, claimId);
        }
        if (FAILED.equals(stored.getString("state")) && fingerprint.equals(stored.getString("fingerprint"))) {
            // Take the retry by an update of the whole document by _id (the embedded store matches only exact keys);
            // the state it had just before says whether this request won it.
            Document before = keys.findOneAndUpdate(Filters.eq("_id", id(key, user)), Updates.combine(
                    Updates.set("state", IN_PROGRESS), Updates.set(CLAIM, claimId),
                    Updates.set("retriedAt", clock.instant().toString())));
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

    /**
     * Records the answer of a claimed key; when the store cannot take it now, it is kept and written later (as
     * {@link #failed} does), and until then the key answers 409 {@code idempotency-key-in-progress}.
     */
    public void complete(String key, String user, int status, String contentType, String location, String body) {
        String id = id(key, user);
        Bson update = Updates.combine(Updates.set("state", DONE), Updates.set("status", status),
                                      Updates.set("contentType", contentType), Updates.set("location", location),
                                      Updates.set("body", body),
                                      Updates.set("completedAt", clock.instant().toString()));
        try {
            keys.updateOne(Filters.eq("_id", id), update);
        } catch (MongoException e) {
            log.warn("Could not record the answer for Idempotency-Key {} of {} now ({}); will retry until the store "
                             + "is back", key, user, e.toString());
            remember(id, update);
        }
    }

    /**
     * Marks a claimed key's request as failed with a 5xx: nothing is known to be written, but it may have been (the
     * store went away after the write). The same request may claim the key again ({@link Claim#retry()}), and its
     * writer then looks for what the failed attempt stored before writing anything.
     *
     * <p>The request has ended, so marking it later is as good as now: when the store cannot be reached (the usual
     * reason for the 5xx), the mark is kept here and written every {@link #PENDING_RETRY_INTERVAL} until the store is
     * back; until then a retry is answered 409 {@code idempotency-key-in-progress} (with {@code Retry-After}). If this
     * node stops first, the key stays in progress (as after a crash mid-request).
     */
    public void failed(String key, String user) {
        String id = id(key, user);
        Bson update = Updates.combine(Updates.set("state", FAILED),
                                      Updates.set("failedAt", clock.instant().toString()));
        try {
            keys.updateOne(Filters.eq("_id", id), update);
        } catch (MongoException e) {
            log.warn("Could not mark Idempotency-Key {} of {} as failed now ({}); will retry until the store is back",
                     key, user, e.toString());
            remember(id, update);
        }
    }

    /**
     * A claim whose write failed without a clear refusal (the store went away mid-write): it may have landed, and
     * then the key would stay in progress although its request has ended with a 503. Once the store is back the key
     * is read by its id; if it still holds this claim in progress, it is marked failed — as {@link #failed} does for a
     * request that ended after its claim — so the same request may claim it again. If it holds another claim (this
     * one never landed and a retry claimed the key) or another state, nothing is written. Only the node that made a
     * claim ever changes it while it is in progress, so the read and the update cannot interleave with another
     * writer's change to it.
     */
    private void releaseIfUnconfirmed(String id, String claimId) {
        if (unconfirmed.size() >= MAX_PENDING) {
            log.error("More than {} unconfirmed Idempotency-Key claims wait for the store; {} may stay in progress",
                      MAX_PENDING, id);
            return;
        }
        log.warn("The claim of Idempotency-Key {} may have been stored before the store failed; it is released once "
                         + "the store is back if it was", id);
        unconfirmed.put(id, claimId);
        startRetrier();
    }

    private void remember(String id, Bson update) {
        if (pending.size() >= MAX_PENDING) {
            log.error("More than {} Idempotency-Keys wait for their outcome to be written; {} stays in progress",
                      MAX_PENDING, id);
            return;
        }
        pending.put(id, update);
        startRetrier();
    }

    private void startRetrier() {
        synchronized (this) {
            if (retrier == null) {
                retrier = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "idempotency-key-failures");
                    thread.setDaemon(true);
                    return thread;
                });
                retrier.scheduleWithFixedDelay(this::writePending, PENDING_RETRY_INTERVAL.toMillis(),
                                               PENDING_RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Writes the outcomes the store could not take when they happened, and releases the unconfirmed claims that
     * landed; stops at the first refusal.
     */
    void writePending() {
        for (Map.Entry<String, String> claim : Map.copyOf(unconfirmed).entrySet()) {
            try {
                Document stored = keys.find(Filters.eq("_id", claim.getKey())).first();
                if (stored != null && IN_PROGRESS.equals(stored.getString("state"))
                        && claim.getValue().equals(stored.getString(CLAIM))) {
                    keys.updateOne(Filters.eq("_id", claim.getKey()), Updates.combine(
                            Updates.set("state", FAILED), Updates.set("failedAt", clock.instant().toString())));
                    log.info("Released the unconfirmed claim of Idempotency-Key {}: its request may be retried",
                             claim.getKey());
                }
                unconfirmed.remove(claim.getKey(), claim.getValue());
            } catch (MongoException e) {
                return; // still away: next time
            }
        }
        for (Map.Entry<String, Bson> outcome : Map.copyOf(pending).entrySet()) {
            try {
                keys.updateOne(Filters.eq("_id", outcome.getKey()), outcome.getValue());
                pending.remove(outcome.getKey(), outcome.getValue());
            } catch (MongoException e) {
                return; // still away: next time
            }
        }
    }

    /** Outcomes not yet written, and unconfirmed claims not yet looked at. */
    int pending() {
        return pending.size() + unconfirmed.size();
    }

    @Override
    public synchronized void close() {
        if (retrier != null) {
            retrier.shutdownNow();
        }
    }
}
