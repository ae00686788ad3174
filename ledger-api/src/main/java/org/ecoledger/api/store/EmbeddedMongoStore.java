package org.ecoledger.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ecoledger.core.store.KeyedReads;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded default store: mongo-java-server speaking the MongoDB wire protocol on a loopback port, over an H2
 * MVStore file in the data directory. Any MongoDB driver or {@code mongosh} can connect to
 * {@link #connectionString(String)} while it runs.
 *
 * <p>Writes reach the file when the MVStore commits. {@link #durability()} is the group commit (an MVStore commit and
 * an fsync) through which
 * acknowledged writes are made durable (see {@link GroupCommit}); in {@link WriteAcknowledgement#DURABLE} mode (the
 * store mode) the server itself waits for it before acknowledging a write. The MVStore's own background writer still
 * commits pending changes about once a second and compacts the file.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    /** The file under the data directory that holds the store. */
    public static final String FILE_NAME = "store.mv";

    /** When the server acknowledges a write. */
    public enum WriteAcknowledgement {
        /** When applied in memory; the application makes it durable with {@link #durability()}. */
        APPLIED,
        /** Only once committed to the file, for clients that cannot call {@link #durability()} (the store mode). */
        DURABLE
    }

    /**
     * What a group commit makes of acknowledged writes. {@link #COMMIT}: the MVStore is committed (written to the
     * file through the operating system), so every acknowledged write survives a crash or {@code kill -9} of the
     * process, and the file is fsynced in the background every {@value #BACKGROUND_SYNC_MILLIS} ms, bounding what an
     * operating-system crash or power cut can take (as MongoDB's own journal interval does).
     * {@link #FSYNC}: every group commit is also fsynced before writers are released, so acknowledged writes survive
     * a power cut too; it costs an fsync per group commit (measured in docs/benchmarks.md).
     */
    public enum Sync {
        COMMIT,
        FSYNC;

        /** {@code commit} or {@code fsync}, in any case. */
        public static Sync parse(String value) {
            for (Sync sync : values()) {
                if (sync.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return sync;
                }
            }
            throw new IllegalArgumentException("LEDGER_EMBEDDED_SYNC must be 'commit' or 'fsync', not '" + value + "'");
        }
    }

    /** How often the file is fsynced in the background when each group commit only commits. */
    public static final long BACKGROUND_SYNC_MILLIS = 1_000;

    /** How long a close waits for a background fsync under way. */
    private static final long BACKGROUND_SYNC_STOP_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path file;
    private final MVStore mvStore;
    private final H2Backend backend;
    private final GroupCommit groupCommit;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService syncer;
    private final StoreRecovery.Report recovery;

    private EmbeddedMongoStore(Path file, MVStore mvStore, H2Backend backend, GroupCommit groupCommit,
                               MongoServer server, InetSocketAddress address, ScheduledExecutorService syncer,
                               StoreRecovery.Report recovery) {
        this.syncer = syncer;
        this.recovery = recovery;
        this.file = file;
        this.mvStore = mvStore;
        this.backend = backend;
        this.groupCommit = groupCommit;
        this.server = server;
        this.address = address;
    }

    /**
     * Opens (or creates) the store file under {@code dataDir} and starts serving it on {@code 127.0.0.1:port}.
     *
     * @param port the loopback port; 0 picks any free port, see {@link #port()}
     */
    public static EmbeddedMongoStore start(Path dataDir, int port, WriteAcknowledgement acknowledgement) {
        return start(dataDir, port, acknowledgement, Sync.COMMIT);
    }

    /**
     * Opens (or creates) the store file under {@code dataDir} and starts serving it on {@code 127.0.0.1:port}.
     *
     * @param port the loopback port; 0 picks any free port, see {@link #port()}
     * @param sync what a group commit does, see {@link Sync}
     */
    public static EmbeddedMongoStore start(Path dataDir, int port, WriteAcknowledgement acknowledgement, Sync sync) {
        return start(dataDir, port, acknowledgement, sync, 0);
    }

    /**
     * As {@link #start(Path, int, WriteAcknowledgement, Sync)}, with a page cache of {@code cacheMb} MB
     * ({@code LEDGER_EMBEDDED_CACHE_MB}); 0 or less takes the default, an eighth of the heap between 16 and 1,024 MB.
     */
    public static EmbeddedMongoStore start(Path dataDir, int port, WriteAcknowledgement acknowledgement, Sync sync,
                                           int cacheMb) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + file.getParent(), e);
        }
        MVStore mvStore = MvStoreSettings.open(file, cacheMb > 0 ? cacheMb : MvStoreSettings.defaultCacheMb());
        H2Backend backend;
        StoreRecovery.Report recovery;
        GroupCommit groupCommit = null;
        MongoServer server = null;
        try {
            LedgerH2Backend ledgerBackend = new LedgerH2Backend(mvStore);
            backend = ledgerBackend;
            recovery = StoreRecovery.openForServing(mvStore, ledgerBackend);
            groupCommit = sync == Sync.FSYNC
                    ? new GroupCommit(() -> MvStoreSettings.commitAndSync(mvStore), "embedded-store-group-commit")
                    : new GroupCommit(mvStore::commit, "embedded-store-group-commit");
            MongoBackend served = acknowledgement == WriteAcknowledgement.DURABLE
                    ? new DurableWritesBackend(backend, groupCommit)
                    : backend;
            server = new MongoServer(served);
            server.bind(LOOPBACK, port);
            InetSocketAddress address = server.getLocalAddress();
            ScheduledExecutorService syncer = null;
            if (sync == Sync.COMMIT) {
                syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "embedded-store-sync");
                    thread.setDaemon(true);
                    return thread;
                });
                syncer.scheduleWithFixedDelay(() -> backgroundSync(mvStore), BACKGROUND_SYNC_MILLIS,
                                              BACKGROUND_SYNC_MILLIS, TimeUnit.MILLISECONDS);
            }
            return new EmbeddedMongoStore(file, mvStore, backend, groupCommit, server, address, syncer, recovery);
        } catch (RuntimeException e) {
            if (server != null) {
                server.shutdownNow();
            }
            if (groupCommit != null) {
                groupCommit.close();
            }
            mvStore.close();
            throw e;
        }
    }

    private static void backgroundSync(MVStore mvStore) {
        try {
            if (!mvStore.isClosed()) {
                mvStore.sync();
            }
        } catch (RuntimeException e) {
            log.warn("Background fsync of the embedded store failed (acknowledged writes are committed; they are "
                             + "at risk only if the operating system crashes before the next fsync)", e);
        }
    }

    /** The loopback port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return address.getPort();
    }

    /** {@code 127.0.0.1:port}. */
    public String hostAndPort() {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * Reads of the ledger's commits in {@code database} straight from the store's maps, for the application that runs
     * this store in its own process ({@link EmbeddedKeyedReads}).
     */
    public KeyedReads keyedReads(String database) {
        return new EmbeddedKeyedReads(mvStore, database);
    }

    /** A connection string for {@code database}, for this application's client, mongosh or any driver. */
    public String connectionString(String database) {
        return "mongodb://" + hostAndPort() + "/" + database;
    }

    /** The MVStore file. */
    /** The page cache of the store's MVStore, in MB. */
    public int cacheMb() {
        return mvStore.getCacheSize();
    }

    public Path file() {
        return file;
    }

    /** The group commit: once {@code awaitDurable()} returns, the caller's acknowledged writes are in the file. */
    public GroupCommit durability() {
        return groupCommit;
    }

    /** What the start found when it checked a store that had not been closed cleanly ({@link StoreRecovery}). */
    StoreRecovery.Report recovery() {
        return recovery;
    }

    /** The MVStore under the server; for measurements and tests, never to write to directly. */
    MVStore mvStore() {
        return mvStore;
    }

    /**
     * Stops listening and disconnects clients, then commits and closes the MVStore file (mongo-java-server closes its
     * backend as the last step of its shutdown) so the next start opens it without recovery; a writer still waiting
     * for a group commit after that gets {@code StoreUnavailableException}.
     */
    @Override
    public void close() {
        log.info("Stopping the embedded store on {} ({})", hostAndPort(), file);
        if (syncer != null) {
            stopBackgroundSync();
        }
        try {
            server.shutdownNow();
        } finally {
            try {
                groupCommit.close();
            } finally {
                if (!mvStore.isClosed()) {
                    backend.close(); // only if the server's shutdown failed before closing it
                }
            }
        }
    }

    /** Lets a running fsync finish rather than interrupting it: the close that follows commits and closes the file. */
    private void stopBackgroundSync() {
        syncer.shutdown();
        try {
            if (!syncer.awaitTermination(BACKGROUND_SYNC_STOP_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The embedded store's background fsync did not stop within {} s; closing the store anyway",
                         BACKGROUND_SYNC_STOP_SECONDS);
                syncer.shutdownNow();
            }
        } catch (InterruptedException e) {
            syncer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongoStore[" + hostAndPort() + ", " + file + "]";
    }
}
