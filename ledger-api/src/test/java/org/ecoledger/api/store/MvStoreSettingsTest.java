package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
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

    /**
     * Java closes a FileChannel for every thread when a thread blocked in it is interrupted (a background fsync
     * stopped by a shutdown, a processor's thread stopped by Axon while it reads the maps). The store must reopen the
     * file and carry on; on H2's plain file system every later write failed. Each round interrupts a thread that
     * commits and fsyncs in a loop; with the plain file system most rounds broke the store.
     */
    @Test
    void aThreadInterruptedInTheMiddleOfItsWrites_doesNotBreakTheStoreForOthers(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 30; round++) {
            Path file = dir.resolve("store-" + round + ".mv");
            MVStore store = MvStoreSettings.open(file, 16);
            MVMap<Integer, String> map = store.openMap("m");
            AtomicInteger written = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        map.put(written.get(), "v");
                        store.commit();
                        store.sync();
                        written.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    writerFailure.set(e);
                }
            });
            writer.start();
            awaitWrites(written, 3);
            writer.interrupt();
            int atInterrupt = written.get();
            awaitWrites(written, atInterrupt + 3);
            stop.set(true);
            writer.join();
            assertThat(writerFailure.get()).as("round %d", round).isNull();

            map.put(-1, "after");
            store.commit();
            store.sync();
            store.close();

            MVStore reopened = MvStoreSettings.open(file, 16);
            try {
                MVMap<Integer, String> again = reopened.openMap("m");
                assertThat(again.get(-1)).as("round %d", round).isEqualTo("after");
                assertThat(again.get(0)).as("round %d", round).isEqualTo("v");
            } finally {
                reopened.close();
            }
        }
    }

    private static void awaitWrites(AtomicInteger written, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (written.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
