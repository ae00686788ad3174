package org.ecoledger.core.chain;

import java.util.List;
import java.util.Objects;

/**
 * Verifies one record's hash chain from the stored data alone, as specified in {@code docs/hash-chain.md}. Pure: it
 * reads nothing but its arguments, and reports the first failure instead of throwing. Immutable and thread-safe (its
 * {@link Cursor}s are not).
 *
 * <p>For the i-th entry read (from 0) it checks, in this order, and stops at the first failure:
 * <ol>
 *   <li>the entry's aggregate type and id are the record's;</li>
 *   <li>its sequence is i (a deleted, duplicated or reordered entry breaks this);</li>
 *   <li>its global index is greater than the previous entry's;</li>
 *   <li>its prevHash is the previous entry's stored hash, or the genesis value for i = 0;</li>
 *   <li>its hash, recomputed from its fields, is its stored hash (an entry that cannot be canonicalized fails
 *       here).</li>
 * </ol>
 */
public final class ChainVerifier {

    private final EntryHasher hasher;

    public ChainVerifier(HashAlgorithm algorithm) {
        this.hasher = new EntryHasher(algorithm);
    }

    public HashAlgorithm algorithm() {
        return hasher.algorithm();
    }

    /**
     * Verifies the chain of the record {@code aggregateType}/{@code aggregateId}.
     *
     * @param entries the record's entries in the order they were read from the store (by sequence)
     */
    public ChainVerification verify(String aggregateType, String aggregateId, List<StoredEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Cursor cursor = cursor(aggregateType, aggregateId);
        for (StoredEntry stored : entries) {
            Objects.requireNonNull(stored, "entries must not contain null");
            if (!cursor.accept(stored)) {
                break;
            }
        }
        return cursor.result();
    }

    /**
     * The hash recomputed from the entry's fields, or null when the entry cannot be canonicalized (its cursor then
     * reports why). Thread-safe, so that a reader of many entries can hash them on several threads before it feeds
     * them, in order, to {@link Cursor#accept(StoredEntry, String)}.
     */
    public String recompute(ChainEntry entry) {
        try {
            return hasher.hash(Objects.requireNonNull(entry, "entry"));
        } catch (NonCanonicalValueException e) {
            return null;
        }
    }

    /**
     * A verification that takes the record's entries one at a time, in the order read (by sequence), for a reader
     * that meets the entries of many records interleaved (the whole log in global order) and keeps one cursor per
     * record. After the first failure it takes nothing more; {@link #result()} is what {@link #verify} would answer
     * for the entries accepted so far.
     */
    public Cursor cursor(String aggregateType, String aggregateId) {
        return new Cursor(Objects.requireNonNull(aggregateType, "aggregateType"),
                          Objects.requireNonNull(aggregateId, "aggregateId"));
    }

    /** The state of one record's verification: the entries checked so far and the first failure. Not thread-safe. */
    public final class Cursor {

        private final String aggregateType;
        private final String aggregateId;
        private String previousHash = hasher.genesisHash();
        private long previousGlobalIndex = -1;
        private long position;
        private ChainVerification failure;

        private Cursor(String aggregateType, String aggregateId) {
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
        }

        /** Checks the next entry; returns false when it (or an earlier one) failed. */
        public boolean accept(StoredEntry stored) {
            return accept(stored, null);
        }

        /**
         * As {@link #accept(StoredEntry)}, with the entry's hash already recomputed by {@link #recompute} (null: not
         * recomputed, or it could not be; then it is recomputed here).
         */
        public boolean accept(StoredEntry stored, String recomputedHash) {
            if (failure != null) {
                return false;
            }
            failure = check(stored, recomputedHash);
            if (failure != null) {
                return false;
            }
            previousHash = stored.storedHash();
            previousGlobalIndex = stored.entry().globalIndex();
            position++;
            return true;
        }

        /** Whether every entry accepted so far verified. */
        public boolean valid() {
            return failure == null;
        }

        /** The verification of the entries accepted so far. */
        public ChainVerification result() {
            return failure != null ? failure : ChainVerification.valid(position, previousHash, hasher.algorithm());
        }

        private ChainVerification check(StoredEntry stored, String recomputedHash) {
            HashAlgorithm algorithm = hasher.algorithm();
            ChainEntry entry = stored.entry();
            if (!entry.aggregateType().equals(aggregateType)) {
                return ChainVerification.invalid(position, previousHash, algorithm,
                        "entry belongs to another aggregate type", aggregateType, entry.aggregateType());
            }
            if (!entry.aggregateId().equals(aggregateId)) {
                return ChainVerification.invalid(position, previousHash, algorithm,
                        "entry belongs to another record", aggregateId, entry.aggregateId());
            }
            if (entry.sequence() != position) {
                String problem = entry.sequence() > position
                        ? "sequence " + position + " missing, found " + entry.sequence()
                        : "sequence " + position + " missing, found " + entry.sequence()
                                + " again (a duplicated or reordered entry)";
                return ChainVerification.invalid(position, previousHash, algorithm,
                        problem, Long.toString(position), Long.toString(entry.sequence()));
            }
            if (entry.globalIndex() <= previousGlobalIndex) {
                return ChainVerification.invalid(position, previousHash, algorithm,
                        "global index " + entry.globalIndex() + " does not follow the previous entry's "
                                + previousGlobalIndex,
                        "greater than " + previousGlobalIndex, Long.toString(entry.globalIndex()));
            }
            if (!entry.prevHash().equals(previousHash)) {
                String problem = position == 0
                        ? "first entry does not link to the genesis value"
                        : "link broken: prevHash is not the stored hash of sequence " + (position - 1);
                return ChainVerification.invalid(position, previousHash, algorithm,
                        problem, previousHash, entry.prevHash());
            }
            String recomputed = recomputedHash;
            try {
                if (recomputed == null) {
                    recomputed = hasher.hash(entry);
                }
            } catch (NonCanonicalValueException e) {
                return ChainVerification.invalid(position, previousHash, algorithm,
                        "entry cannot be hashed: the value at " + e.pointer() + " is outside the canonical JSON subset",
                        "an object, array, string, true, false, null or integer within ±(2^53-1)", e.reason());
            }
            if (!recomputed.equals(stored.storedHash())) {
                return ChainVerification.invalid(position, previousHash, algorithm,
                        "content altered: the hash recomputed from the entry differs from the stored hash",
                        recomputed, stored.storedHash());
            }
            return null;
        }
    }
}
