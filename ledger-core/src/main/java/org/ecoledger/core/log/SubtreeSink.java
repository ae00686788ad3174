package org.ecoledger.core.log;

/**
 * Receives the hash of every complete subtree as it is formed by {@link CompactRange#append}: the appended leaf
 * (level 0) and each larger subtree it completes. A log writer stores them keyed by ({@code level}, {@code index}),
 * which is what {@link SubtreeHashes} reads back.
 */
@FunctionalInterface
public interface SubtreeSink {

    /** The complete subtree ({@code level}, {@code index}) now exists and has {@code hash}. */
    void put(int level, long index, byte[] hash);

    /** A sink that keeps nothing, for callers that only want the root. */
    SubtreeSink NONE = (level, index, hash) -> {
    };
}
