package org.ecoledger.core.logstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.ecoledger.core.log.SubtreeHashes;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.core.store.StoreUnavailableException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transparency log's collections. Every read is an exact-key or {@code $in} lookup on {@code _id}, the only kind
 * the embedded server serves from an index (docs/event-store.md).
 * <pre>
 * log_subtrees    { _id: "&lt;level&gt;/&lt;index&gt;", h: BinData }   each complete subtree once; never rewritten
 * log_meta        { _id: "head", size, frontier: [BinData…], root: BinData }
 *                 { _id: "checkpoint", size }                       the latest checkpoint's size ($max)
 * log_checkpoints { _id: &lt;tree size&gt;, note, signedAt, previousSize, cosignatures: [line…] }   every one kept
 * log_keys        { _id: "&lt;name&gt;+&lt;key id&gt;", name, keyId, type, key, firstUsed }     every key ever used
 * </pre>
 */
public final class LogStore implements SubtreeHashes {

    public static final String SUBTREES = "log_subtrees";
    public static final String META = "log_meta";
    public static final String CHECKPOINTS = "log_checkpoints";
    public static final String KEYS = "log_keys";

    /** Most keys one {@code $in} lookup of subtree hashes asks for. */
    public static final int MAX_KEYS_PER_LOOKUP = 512;

    static final String ID = "_id";
    static final String HASH = "h";
    static final String HEAD_ID = "head";
    static final String LATEST_CHECKPOINT_ID = "checkpoint";

    private final MongoCollection<BsonDocument> subtrees;
    private final MongoCollection<BsonDocument> meta;
    private final MongoCollection<BsonDocument> checkpoints;
    private final MongoCollection<BsonDocument> keys;
    private final KeyedReads reads;

    public LogStore(MongoDatabase database) {
        this(database, KeyedReads.overDriver(database));
    }

    /**
     * Reads subtrees, the head and checkpoints by their keys with {@code reads} (the embedded store's own maps, in its
     * process); everything else through the database.
     */
    public LogStore(MongoDatabase database, KeyedReads reads) {
        this.reads = reads;
        this.subtrees = database.getCollection(SUBTREES, BsonDocument.class);
        this.meta = database.getCollection(META, BsonDocument.class);
        this.checkpoints = database.getCollection(CHECKPOINTS, BsonDocument.class);
        this.keys = database.getCollection(KEYS, BsonDocument.class);
    }

    /** The {@code _id} of the complete subtree ({@code level}, {@code index}). */
    public static String subtreeId(int level, long index) {
        return level + "/" + index;
    }

    // ------------------------------------------------------------------------------------------- subtrees

    @Override
    public byte[] hash(int level, long index) {
        try {
            List<BsonDocument> found = reads.byId(SUBTREES, List.of(subtreeId(level, index)));
            return found.isEmpty() ? null : found.get(0).getBinary(HASH).getData();
        } catch (MongoException e) {
            throw unavailable("reading the log's subtree " + subtreeId(level, index), e);
        }
    }

    /** The stored hashes of the given subtrees, read with {@code $in} lookups on their ids. */
    @Override
    public Map<Node, byte[]> hashes(Set<Node> nodes) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(subtreeId(node.level(), node.index()), node));
        Map<Node, byte[]> found = new HashMap<>();
        hashes(byId.keySet()).forEach((id, hash) -> found.put(byId.get(id), hash));
        return found;
    }

    /** The stored hashes of the given subtree ids (absent ones are missing from the map). */
    public Map<String, byte[]> hashes(Collection<String> ids) {
        Map<String, byte[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        try {
            for (int from = 0; from < all.size(); from += MAX_KEYS_PER_LOOKUP) {
                List<String> window = all.subList(from, Math.min(all.size(), from + MAX_KEYS_PER_LOOKUP));
                for (BsonDocument document : reads.byId(SUBTREES, window)) {
                    found.put(document.getString(ID).getValue(), document.getBinary(HASH).getData());
                }
            }
        } catch (MongoException e) {
            throw unavailable("reading the log's subtrees", e);
        }
        return found;
    }

    /**
     * Stores new complete-subtree hashes, insert-only: a hash already stored is never rewritten. One that is already
     * there (a writer that stopped between storing subtrees and its head, or a second writer during a claim
     * hand-over) must be equal, else the stored log disagrees with the events.
     *
     * @throws LogIntegrityException when a stored hash differs
     */
    public void putSubtrees(Map<String, byte[]> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        List<BsonDocument> documents = new ArrayList<>(hashes.size());
        hashes.forEach((id, hash) -> documents.add(new BsonDocument(ID, new BsonString(id))
                                                           .append(HASH, new BsonBinary(hash))));
        Set<String> existing = new HashSet<>();
        try {
            subtrees.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw unavailable("storing the log's subtrees", e);
                }
                existing.add(documents.get(error.getIndex()).getString(ID).getValue());
            }
        } catch (MongoException e) {
            throw unavailable("storing the log's subtrees", e);
        }
        if (!existing.isEmpty()) {
            Map<String, byte[]> stored = hashes(existing);
            for (String id : existing) {
                byte[] mine = hashes.get(id);
                byte[] theirs = stored.get(id);
                if (theirs == null || !java.util.Arrays.equals(mine, theirs)) {
                    throw new LogIntegrityException("log subtree " + id, "the stored hash differs from the one "
                            + "recomputed from the stored events", b64(mine), theirs == null ? "none" : b64(theirs));
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- head

    /** The writer's stored head, if it has written one. */
    public Optional<LogHead> head() {
        try {
            List<BsonDocument> found = reads.byId(META, List.of(HEAD_ID));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            BsonDocument head = found.get(0);
            List<byte[]> frontier = new ArrayList<>();
            for (BsonValue value : head.getArray("frontier")) {
                frontier.add(value.asBinary().getData());
            }
            return Optional.of(new LogHead(head.getInt64("size").getValue(), frontier,
                                           head.getBinary("root").getData()));
        } catch (MongoException e) {
            throw unavailable("reading the log's head", e);
        }
    }

    /** Moves the stored head forward to {@code head}; a head that is not larger than the stored one is ignored. */
    public void advanceHead(LogHead head) {
        BsonArray frontier = new BsonArray();
        head.frontier().forEach(hash -> frontier.add(new BsonBinary(hash)));
        BsonDocument document = new BsonDocument(ID, new BsonString(HEAD_ID))
                .append("size", new BsonInt64(head.size()))
                .append("frontier", frontier)
                .append("root", new BsonBinary(head.root()));
        try {
            UpdateResult replaced = meta.replaceOne(Filters.and(Filters.eq(ID, HEAD_ID),
                                                                Filters.lt("size", head.size())), document);
            if (replaced.getMatchedCount() == 0) {
                try {
                    meta.insertOne(document);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // A head at least as large is stored already (another writer got there first).
                }
            }
        } catch (MongoException e) {
            throw unavailable("storing the log's head", e);
        }
    }

    // ---------------------------------------------------------------------------------------- checkpoints

    /** The checkpoint of tree size {@code size}, if one was signed. */
    public Optional<StoredCheckpoint> checkpoint(long size) {
        try {
            return reads.byId(CHECKPOINTS, List.of(size)).stream().findFirst().map(LogStore::toCheckpoint);
        } catch (MongoException e) {
            throw unavailable("reading the checkpoint of size " + size, e);
        }
    }

    /** The latest (largest) checkpoint, if any. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        BsonDocument latest;
        try {
            latest = reads.byId(META, List.of(LATEST_CHECKPOINT_ID)).stream().findFirst().orElse(null);
        } catch (MongoException e) {
            throw unavailable("reading the latest checkpoint", e);
        }
        return latest == null ? Optional.empty() : checkpoint(latest.getInt64("size").getValue());
    }

    /**
     * Stores a new checkpoint unless one of its size exists; then makes it the latest if it is the largest.
     *
     * @return whether it was stored (false: a checkpoint of that size was there already)
     */
    public boolean insertCheckpoint(StoredCheckpoint checkpoint) {
        BsonArray cosignatures = new BsonArray();
        checkpoint.cosignatures().forEach(line -> cosignatures.add(new BsonString(line)));
        boolean inserted = true;
        try {
            try {
                checkpoints.insertOne(new BsonDocument(ID, new BsonInt64(checkpoint.size()))
                                              .append("note", new BsonString(checkpoint.note()))
                                              .append("signedAt", new BsonString(checkpoint.signedAt().toString()))
                                              .append("previousSize", new BsonInt64(checkpoint.previousSize()))
                                              .append("cosignatures", cosignatures));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted = false;
            }
            meta.updateOne(Filters.eq(ID, LATEST_CHECKPOINT_ID), Updates.max("size", checkpoint.size()),
                           new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw unavailable("storing the checkpoint of size " + checkpoint.size(), e);
        }
        return inserted;
    }

    /** Adds a witness's cosignature line to the checkpoint of {@code size} (once). */
    public void addCosignature(long size, String line) {
        try {
            checkpoints.updateOne(Filters.eq(ID, new BsonInt64(size)), Updates.addToSet("cosignatures", line));
        } catch (MongoException e) {
            throw unavailable("storing a cosignature of the checkpoint of size " + size, e);
        }
    }

    /** Every checkpoint, by tree size (reads the whole collection: for audits only). */
    public List<StoredCheckpoint> allCheckpoints() {
        List<StoredCheckpoint> all = new ArrayList<>();
        try {
            for (BsonDocument document : checkpoints.find()) {
                all.add(toCheckpoint(document));
            }
        } catch (MongoException e) {
            throw unavailable("reading the checkpoints", e);
        }
        all.sort((a, b) -> Long.compare(a.size(), b.size()));
        return all;
    }

    private static StoredCheckpoint toCheckpoint(BsonDocument document) {
        List<String> cosignatures = new ArrayList<>();
        for (BsonValue value : document.getArray("cosignatures", new BsonArray())) {
            cosignatures.add(value.asString().getValue());
        }
        return new StoredCheckpoint(document.getInt64(ID).getValue(), document.getString("note").getValue(),
                                    Instant.parse(document.getString("signedAt").getValue()),
                                    document.getInt64("previousSize").getValue(), cosignatures);
    }

    // ----------------------------------------------------------------------------------------------- keys

    /** Records that the log signs with {@code key}; a key already published keeps its first use. */
    public void publishKey(PublishedKey key) {
        try {
            keys.insertOne(new BsonDocument(ID, new BsonString(key.id()))
                                   .append("name", new BsonString(key.name()))
                                   .append("keyId", new BsonString(key.keyId()))
                                   .append("type", new BsonString(key.type()))
                                   .append("key", new BsonString(key.verifierKey()))
                                   .append("firstUsed", new BsonString(key.firstUsed().toString())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw unavailable("publishing the key " + key.id(), e);
            }
        } catch (MongoException e) {
            throw unavailable("publishing the key " + key.id(), e);
        }
    }

    /** Every key the log has signed with, oldest first. */
    public List<PublishedKey> keys() {
        Map<String, PublishedKey> all = new LinkedHashMap<>();
        try {
            for (BsonDocument document : keys.find()) {
                PublishedKey key = new PublishedKey(document.getString("name").getValue(),
                                                    document.getString("keyId").getValue(),
                                                    document.getString("type").getValue(),
                                                    document.getString("key").getValue(),
                                                    Instant.parse(document.getString("firstUsed").getValue()));
                all.put(key.id(), key);
            }
        } catch (MongoException e) {
            throw unavailable("reading the log's keys", e);
        }
        List<PublishedKey> sorted = new ArrayList<>(all.values());
        sorted.sort((a, b) -> a.firstUsed().compareTo(b.firstUsed()));
        return sorted;
    }

    private static StoreUnavailableException unavailable(String what, MongoException cause) {
        return new StoreUnavailableException("The store is unavailable while " + what + ": "
                                                     + cause.getClass().getSimpleName(), cause);
    }

    static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
