package org.ecoledger.core.store;

/**
 * What "acknowledged" means for a write to the store: once {@link #awaitDurable()} returns, every write the
 * calling thread has made before the call survives a crash of the process.
 *
 * <p>On a real MongoDB the journaled majority write concern already gives that, so {@link #NONE} is used. The
 * embedded store (mongo-java-server on an H2 MVStore file) writes to disk only when its store is committed, so
 * the application supplies an implementation that lets concurrent writers share one commit (group commit).
 */
@FunctionalInterface
public interface StoreDurability {

    /** For stores whose acknowledged writes are already durable (a journaled write concern). */
    StoreDurability NONE = () -> { };

    /**
     * Blocks until every write the calling thread has made so far is on disk.
     *
     * @throws StoreUnavailableException when the store cannot be made durable; the caller must treat the write as
     *                                   failed
     */
    void awaitDurable();
}
