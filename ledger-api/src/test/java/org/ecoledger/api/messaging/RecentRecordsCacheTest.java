package org.ecoledger.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentRecordsCacheTest {

    /** Records what the repository's listeners would be told. */
    static final class Events implements Cache.EntryListener {
        final List<String> seen = new ArrayList<>();

        @Override public void onEntryExpired(Object key) { seen.add("expired " + key); }
        @Override public void onEntryRemoved(Object key) { seen.add("removed " + key); }
        @Override public void onEntryUpdated(Object key, Object value) { seen.add("updated " + key); }
        @Override public void onEntryCreated(Object key, Object value) { seen.add("created " + key); }
        @Override public void onEntryRead(Object key, Object value) { seen.add("read " + key); }
        @Override public Object clone() { return this; }
    }

    @Test
    void keepsTheMostRecentlyUsedRecords_andEvictsTheLeastRecentlyUsed() {
        RecentRecordsCache cache = new RecentRecordsCache(2);
        Events events = new Events();
        cache.registerCacheEntryListener(events);
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A"); // a is now more recent than b
        cache.put("c", "C");                                 // evicts b, the least recently used

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(events.seen).containsExactly("created a", "created b", "read a", "expired b", "created c");
    }

    @Test
    void updatesRemovalsAndComputations() {
        RecentRecordsCache cache = new RecentRecordsCache(10);
        assertThat(cache.putIfAbsent("a", "A")).isTrue();
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat(cache.<String>computeIfAbsent("a", () -> "unused")).isEqualTo("A");
        assertThat(cache.<String>computeIfAbsent("b", () -> "B")).isEqualTo("B");
        cache.<String>computeIfPresent("a", value -> value + "2");
        assertThat((String) cache.get("a")).isEqualTo("A2");
        cache.<String>computeIfPresent("b", value -> null);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("x", "X");
        cache.removeAll();
        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new RecentRecordsCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
