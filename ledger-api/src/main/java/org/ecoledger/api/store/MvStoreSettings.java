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
     * How long superseded chunks are kept before their space is reused. It protects readers still walking an older
     * version of a map (mongo-java-server's cursors do not register their version with the MVStore), so it must not
     * be 0; crash safety does not need it because every group commit is followed by an fsync.
     */
    static final int RETENTION_TIME_MILLIS = 1_000;

    /** The MVStore's background writer commits unsaved changes this often and compacts the file when it does. */
    static final int AUTO_COMMIT_DELAY_MILLIS = 1_000;

    /** Below this fill rate (percent of live data in the file) the background writer rewrites chunks. */
    static final int AUTO_COMPACT_FILL_RATE_PERCENT = 90;

    /** The page cache, in MB (H2's default). */
    static final int CACHE_SIZE_MB = 16;

    private MvStoreSettings() {
    }

    static MVStore open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCompactFillRate(AUTO_COMPACT_FILL_RATE_PERCENT)
                .cacheSize(CACHE_SIZE_MB)
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
