package org.ecoledger.core.store;

/**
 * What "acknowledged" means for a write to the store: once {@link #awaitDurable()} returns, every write the
 * calling thread has made before the call survives a crash of the process.
 *
 * <p>On a real MongoDB the journaled majority write concern already gives that, so waiting is a no-op there
 * ({@link WriteBarrierDurability}, which only adds the read barrier below). The embedded store (mongo-java-server on
 * an H2 MVStore file) writes to disk only when its store is committed, so the application supplies an implementation
 * that lets concurrent writers share one commit (group commit).
 *
 * <p>Readers see a write before it is durable. {@link #awaitReadsDurable()} is for a reader that stores what it
 * derives from what it read (a view, the transparency log, a processor's token): called between the read and its own
 * writes, it guarantees that nothing derived can survive a crash that the write it was derived from did not.
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

    /**
     * Blocks until every write the calling thread has <em>read</em> so far is as durable as an acknowledged write.
     * The default waits as {@link #awaitDurable()} does, which is enough where that means "a commit that started after
     * the call" (the embedded store's group commit: such a commit holds every write applied before it, read ones
     * included). Stores whose acknowledgement comes from a write concern need a write of their own here
     * ({@link WriteBarrierDurability}).
     *
     * @throws StoreUnavailableException when that cannot be established; the caller must not store anything derived
     *                                   from what it read
     */
    default void awaitReadsDurable() {
        awaitDurable();
    }
}
