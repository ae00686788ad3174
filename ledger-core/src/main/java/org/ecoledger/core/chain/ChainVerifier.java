package org.ecoledger.core.chain;

import java.util.List;
import java.util.Objects;

/**
 * Verifies one record's hash chain from the stored data alone, as specified in {@code docs/hash-chain.md}. Pure: it
 * reads nothing but its arguments, and reports the first failure instead of throwing. Immutable and thread-safe.
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
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(entries, "entries");
        HashAlgorithm algorithm = hasher.algorithm();
        String previousHash = hasher.genesisHash();
        long previousGlobalIndex = -1;
        long position = 0;
        for (StoredEntry stored : entries) {
            Objects.requireNonNull(stored, "entries must not contain null");
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
            String recomputed;
            try {
                recomputed = hasher.hash(entry);
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
            previousHash = stored.storedHash();
            previousGlobalIndex = entry.globalIndex();
            position++;
        }
        return ChainVerification.valid(position, previousHash, algorithm);
    }
}
