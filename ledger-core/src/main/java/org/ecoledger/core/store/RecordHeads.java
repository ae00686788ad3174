package org.ecoledger.core.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded cache of the last event seen of each record: its sequence and hash. Only a hint that saves a read when
 * the next append continues right after it; an entry is a true fact about one stored event (events never change),
 * so a stale entry can never make the chain wrong, only cost one lookup.
 */
final class RecordHeads {

    record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads;

    RecordHeads(int capacity) {
        this.heads = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Head get(String aggregateId) {
        return heads.get(aggregateId);
    }

    synchronized void advance(String aggregateId, long sequence, String hash) {
        Head current = heads.get(aggregateId);
        if (current == null || current.sequence() < sequence) {
            heads.put(aggregateId, new Head(sequence, hash));
        }
    }
}
