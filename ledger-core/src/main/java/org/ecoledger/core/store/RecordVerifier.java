package org.ecoledger.core.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.chain.ChainVerifier;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;

import java.util.ArrayList;
import java.util.List;

import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_ID;
import static org.ecoledger.core.store.LedgerSchema.AGGREGATE_TYPE;
import static org.ecoledger.core.store.LedgerSchema.EVENTS_FIELD;
import static org.ecoledger.core.store.LedgerSchema.EVENT_ID;
import static org.ecoledger.core.store.LedgerSchema.GLOBAL_INDEX;
import static org.ecoledger.core.store.LedgerSchema.HASH;
import static org.ecoledger.core.store.LedgerSchema.METADATA;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_REVISION;
import static org.ecoledger.core.store.LedgerSchema.PAYLOAD_TYPE;
import static org.ecoledger.core.store.LedgerSchema.PREV_HASH;
import static org.ecoledger.core.store.LedgerSchema.SEQUENCE;
import static org.ecoledger.core.store.LedgerSchema.TIMESTAMP;

/**
 * Verifies one record from the stored documents alone: reads every commit of the record (looking past a missing
 * one, so a deletion shows where it happened), and hands the entries, exactly as stored, to the
 * {@link ChainVerifier}. Nothing is deserialized into domain objects, so upcasting never affects verification.
 */
public final class RecordVerifier {

    /** How many empty windows of sequence numbers are probed past a record's last commit to find stragglers. */
    static final int LOOKAHEAD_WINDOWS = 4;

    private final CommitLog commitLog;
    private final ChainVerifier verifier;

    public RecordVerifier(MongoDatabase database, HashAlgorithm algorithm) {
        this(KeyedReads.overDriver(database), algorithm);
    }

    /** Reads the commits with {@code reads} (the embedded store's own maps, in its process). */
    public RecordVerifier(KeyedReads reads, HashAlgorithm algorithm) {
        this.commitLog = new CommitLog(reads);
        this.verifier = new ChainVerifier(algorithm);
    }

    /**
     * A chain verification of one record fed entry by entry, for a reader that meets the record's entries in another
     * order of reading (the whole log in global order), with this verifier's algorithm.
     */
    public ChainVerifier.Cursor cursor(String aggregateType, String aggregateId) {
        return verifier.cursor(aggregateType, aggregateId);
    }

    /** {@link ChainVerifier#recompute}: an entry's hash recomputed, on any thread, for a cursor of this verifier. */
    public String recompute(ChainEntry entry) {
        return verifier.recompute(entry);
    }

    /**
     * @throws StoreUnavailableException when the store cannot be read
     */
    public ChainVerification verify(String aggregateId) {
        List<BsonDocument> commits;
        try {
            commits = commitLog.ofRecord(aggregateId, 0, CommitLog.PROBE_WINDOW, LOOKAHEAD_WINDOWS);
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading record " + aggregateId, e);
        }
        String aggregateType = commits.isEmpty() ? "" : text(commits.get(0), AGGREGATE_TYPE);
        List<StoredEntry> entries = new ArrayList<>();
        for (BsonDocument commit : commits) {
            for (BsonValue value : commit.getArray(EVENTS_FIELD, new org.bson.BsonArray())) {
                try {
                    entries.add(toStoredEntry(commit, value.asDocument()));
                } catch (RuntimeException malformed) {
                    ChainVerification prefix = verifier.verify(aggregateType, aggregateId, entries);
                    if (!prefix.valid()) {
                        return prefix;
                    }
                    return ChainVerification.invalid(entries.size(), prefix.headHash(), verifier.algorithm(),
                                                     "the stored entry after sequence " + (entries.size() - 1)
                                                             + " is malformed: " + malformed.getMessage(),
                                                     "a complete entry", value.toString());
                }
            }
        }
        return verifier.verify(aggregateType, aggregateId, entries);
    }

    /**
     * The record's entries exactly as stored, in the order read (for evidence and measurements).
     *
     * @throws IllegalArgumentException when a stored entry is malformed (use {@link #verify} to locate it)
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<StoredEntry> storedEntries(String aggregateId) {
        List<BsonDocument> commits;
        try {
            commits = commitLog.ofRecord(aggregateId, 0, CommitLog.PROBE_WINDOW, LOOKAHEAD_WINDOWS);
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading record " + aggregateId, e);
        }
        List<StoredEntry> entries = new ArrayList<>();
        for (BsonDocument commit : commits) {
            for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
                entries.add(toStoredEntry(commit, value.asDocument()));
            }
        }
        return entries;
    }

    /**
     * The record's entries from sequence {@code fromSequence} on, exactly as stored and in sequence, read as the
     * application reads a record: by exact aggregate keys, ending at the first sequence no commit starts at. For
     * finding an entry just appended near the head of a record without reading all of it.
     *
     * @throws IllegalArgumentException when a stored entry is malformed (use {@link #verify} to locate it)
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<StoredEntry> storedEntries(String aggregateId, long fromSequence) {
        if (fromSequence < 0) {
            throw new IllegalArgumentException("fromSequence must be >= 0, was " + fromSequence);
        }
        List<BsonDocument> commits;
        try {
            commits = commitLog.ofRecord(aggregateId, fromSequence, CommitLog.PROBE_WINDOW, 0);
        } catch (MongoException e) {
            throw new StoreUnavailableException("The store is unavailable while reading record " + aggregateId, e);
        }
        List<StoredEntry> entries = new ArrayList<>();
        for (BsonDocument commit : commits) {
            for (BsonValue value : commit.getArray(EVENTS_FIELD)) {
                StoredEntry entry = toStoredEntry(commit, value.asDocument());
                if (entry.entry().sequence() >= fromSequence) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    static StoredEntry toStoredEntry(BsonDocument commit, BsonDocument event) {
        BsonValue revision = event.get(PAYLOAD_REVISION);
        ChainEntry entry = new ChainEntry(text(commit, AGGREGATE_TYPE), text(commit, AGGREGATE_ID),
                                          BsonJson.toLong(required(event, SEQUENCE)),
                                          BsonJson.toLong(required(event, GLOBAL_INDEX)),
                                          text(event, EVENT_ID), text(event, PAYLOAD_TYPE),
                                          revision == null || revision.isNull() ? null : revision.asString().getValue(),
                                          text(event, TIMESTAMP),
                                          BsonJson.toJson(required(event, PAYLOAD)),
                                          BsonJson.toJson(required(event, METADATA)),
                                          text(event, PREV_HASH));
        return new StoredEntry(entry, text(event, HASH));
    }

    private static BsonValue required(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(BsonDocument document, String field) {
        BsonValue value = required(document, field);
        if (!value.isString()) {
            throw new IllegalArgumentException("field '" + field + "' is " + value.getBsonType() + ", not text");
        }
        return value.asString().getValue();
    }
}
