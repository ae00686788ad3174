package org.ecoledger.api.store;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;

/** How the embedded store's MVStore file is opened; the measurements behind each value are in docs/operations.md. */
final class MvStoreSettings {

    static final int RETENTION_TIME_MILLIS = 1_000;

    private MvStoreSettings() {
    }

    static MVStore open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .open();
        store.setRetentionTime(RETENTION_TIME_MILLIS);
        return store;
    }
}
