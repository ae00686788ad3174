package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvStoreSettingsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theDefaultPageCache_isAnEighthOfTheHeap_between16And1024Mb() {
        assertThat(MvStoreSettings.defaultCacheMb(64 * MB)).isEqualTo(16);
        assertThat(MvStoreSettings.defaultCacheMb(2_048 * MB)).isEqualTo(256);
        assertThat(MvStoreSettings.defaultCacheMb(6_144 * MB)).isEqualTo(768);
        assertThat(MvStoreSettings.defaultCacheMb(64_000 * MB)).isEqualTo(1_024);
    }

    @Test
    void aStoreOpensWithTheCacheAskedFor_andTheDefaultWhenNoneIs(@TempDir Path dir) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir.resolve("a"), 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED, EmbeddedMongoStore.Sync.COMMIT, 48)) {
            assertThat(store.cacheMb()).isEqualTo(48);
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(dir.resolve("b"), 0,
                EmbeddedMongoStore.WriteAcknowledgement.APPLIED, EmbeddedMongoStore.Sync.COMMIT, 0)) {
            assertThat(store.cacheMb()).isEqualTo(MvStoreSettings.defaultCacheMb());
        }
    }
}
