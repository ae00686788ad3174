package org.ecoledger.api.store;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

/**
 * How the embedded store's MVStore file is opened. The MVStore is log-structured: every commit writes a new chunk,
 * and a chunk whose pages have all been superseded is reused only after the retention time. With H2's default of 45
 * seconds and a commit per write, 20,000 documents took 1.3 GB; the measurements behind each value below are in
 * {@code docs/operations.md} ("Embedded store: MVStore settings").
 */
final class MvStoreSettings {

    /**
     * How long superseded chunks are kept before their space is reused. Readers of an older version of a map are
     * protected by registering their version ({@link LedgerH2Backend} does for every command); this is a margin on
     * top. Crash safety does not need it because every group commit is followed by an fsync.
     */
    static final int RETENTION_TIME_MILLIS = 1_000;

    /** The MVStore's background writer commits unsaved changes this often and compacts the file when it does. */
    static final int AUTO_COMMIT_DELAY_MILLIS = 1_000;

    /** Below this fill rate (percent of live data in the file) the background writer rewrites chunks. */
    static final int AUTO_COMPACT_FILL_RATE_PERCENT = 90;

    /** The smallest page cache, in MB (H2's default). */
    static final int MIN_CACHE_MB = 16;

    /** The largest default page cache, in MB. */
    static final int MAX_DEFAULT_CACHE_MB = 1_024;

    /**
     * The page cache when {@code LEDGER_EMBEDDED_CACHE_MB} is not set: an eighth of the JVM's maximum heap, between
     * {@value #MIN_CACHE_MB} and {@value #MAX_DEFAULT_CACHE_MB} MB. H2's default of 16 MB holds a few thousand pages:
     * past ~10,000 events every read of a document or an index page decoded it from the file again (a verification
     * run of the demo city spent a fifth of its time in {@code MVStore.readPage}).
     */
    static int defaultCacheMb() {
        return defaultCacheMb(Runtime.getRuntime().maxMemory());
    }

    static int defaultCacheMb(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8 / (1024 * 1024);
        return (int) Math.max(MIN_CACHE_MB, Math.min(MAX_DEFAULT_CACHE_MB, eighth));
    }

    /**
     * H2's file system that reopens the file and retries when a thread was interrupted in the middle of a read, a
     * write or an fsync. Java closes a FileChannel for every thread when one thread blocked in it is interrupted; on
     * H2's plain file system the store then failed every later write ("Writing to sun.nio.ch.FileChannelImpl failed",
     * seen when the background fsync was interrupted by a shutdown). Interrupts happen in normal operation: Axon
     * interrupts a processor's thread that does not stop in time, and that thread may be reading the store's maps
     * ({@link EmbeddedKeyedReads}). The retrying file clears the interrupted thread's flag; Axon's processors stop on
     * their own state, not on the flag.
     */
    static final String RETRY_ON_INTERRUPT = "retry:";

    private MvStoreSettings() {
    }

    /** Opens the file with a page cache of {@code cacheMb} MB (at least {@value #MIN_CACHE_MB}). */
    static MVStore open(Path file, int cacheMb) {
        MVStore store = new MVStore.Builder()
                .fileName(RETRY_ON_INTERRUPT + file)
                .autoCompactFillRate(AUTO_COMPACT_FILL_RATE_PERCENT)
                .cacheSize(Math.max(MIN_CACHE_MB, cacheMb))
                .open();
        store.setRetentionTime(RETENTION_TIME_MILLIS);
        store.setAutoCommitDelay(AUTO_COMMIT_DELAY_MILLIS);
        return store;
    }

    /**
     * One group commit: commit the MVStore (the new chunk reaches the OS, enough to survive {@code kill -9}), then
     * fsync (enough to survive a power cut or an OS crash).
     */
    static void commitAndSync(MVStore store) {
        store.commit();
        store.sync();
    }
}
