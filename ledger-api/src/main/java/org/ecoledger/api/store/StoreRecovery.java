package org.ecoledger.api.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Puts the embedded store's documents and unique indexes back in step after the store was not closed cleanly.
 *
 * <p>mongo-java-server changes a collection's maps one after another: an insert puts the document into the
 * collection's map and then its key into each unique index; a delete takes the keys out and then the document. The
 * MVStore commits whatever the maps hold when it commits (a group commit, its background writer, or a commit it makes
 * itself when unsaved changes pile up), so a commit can fall between those changes, and after {@code kill -9} the file
 * holds, for instance, a commit of the ledger without its {@code _id} index entry. Nobody saw that document (every
 * lookup by key goes through the index) and the command that wrote it was never acknowledged (its writer was still
 * waiting for the group commit that would have covered the whole command); but the next insert with the same
 * {@code _id} would pass the index's check and then fail on the document already there, for good: the ledger could no
 * longer append at that global index.
 *
 * <p>So the file carries a state ({@value #STATE_MAP}): {@code open} while a process serves it, {@code closed} once
 * it was closed cleanly. When a start finds it {@code open} (or finds a store that predates this state), every
 * collection's documents and unique indexes are checked against each other before the server accepts a connection:
 * <ul>
 *   <li>an index entry whose document is missing, or whose document does not carry that key, is removed;</li>
 *   <li>a document missing from one of its unique indexes is removed, with whatever index entries point to it.</li>
 * </ul>
 * Either is the remainder of a command that had not finished, so never of an acknowledged write: the store is left
 * as every lookup by key already saw it. (A command that changes a document's unique key — the ledger never does —
 * could lose that document this way; documented in docs/operations.md.) The work and its counts are logged, and a
 * long check logs how far it has got every ten seconds.
 */
final class StoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    /** The map holding the file's state; not under the backend's {@code databases.} prefix, so it ignores it. */
    static final String STATE_MAP = "ledger.store";
    private static final String STATE = "state";
    private static final String OPEN = "open";
    private static final String CLOSED = "closed";

    /** What a check found and put right. */
    record Report(boolean checked, long documents, long indexEntries, long danglingEntries, long partialDocuments) {

        static final Report NOT_NEEDED = new Report(false, 0, 0, 0, 0);

        boolean repaired() {
            return danglingEntries > 0 || partialDocuments > 0;
        }
    }

    /** How often a long check logs how far it has got. */
    static final long PROGRESS_INTERVAL_NANOS = 10_000_000_000L;

    private StoreRecovery() {
    }

    /** Logs the check's progress at most every {@link #PROGRESS_INTERVAL_NANOS}. */
    private static final class Progress {
        private final long started = System.nanoTime();
        private long logged = started;

        void at(String collection, long documents, long entries) {
            long now = System.nanoTime();
            if (now - logged >= PROGRESS_INTERVAL_NANOS) {
                logged = now;
                log.info("Checking the embedded store: {} index entries and {} documents so far, {} s; now {}",
                         entries, documents, (now - started) / 1_000_000_000L, collection);
            }
        }
    }

    /**
     * Checks and repairs the store if it was not closed cleanly, then marks it open (committed) for this process.
     * Runs before the server listens, so nothing else touches the maps meanwhile.
     */
    static Report openForServing(MVStore store, LedgerH2Backend backend) {
        MVMap<String, String> state = store.openMap(STATE_MAP);
        String previous = state.get(STATE);
        boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith(LedgerH2Backend.DOCUMENTS_PREFIX));
        Report report = Report.NOT_NEEDED;
        if (hasData && !CLOSED.equals(previous)) {
            log.warn("The embedded store {} was not closed cleanly ({}); checking its documents against their "
                             + "unique indexes", store.getFileStore() == null ? "(in memory)" : store.getFileStore()
                             .getFileName(), previous == null ? "no state recorded" : "state " + previous);
            report = check(store, backend.uniqueIndexes());
        }
        state.put(STATE, OPEN);
        store.commit();
        return report;
    }

    /** Marks the file closed cleanly; the close that follows commits it. */
    static void markClosed(MVStore store) {
        store.<String, String>openMap(STATE_MAP).put(STATE, CLOSED);
    }

    /**
     * The keys the index gives a document, as the server computes them; null if it cannot compute them (a document
     * the index could never have held, such as one with parallel arrays under a compound index): such a document and
     * the entries leading to it are left as they are.
     */
    private static Set<KeyValue> keysOf(LedgerH2Backend.UniqueIndex index, Document document) {
        try {
            return index.index().getKeyValues(document);
        } catch (RuntimeException cannotIndex) {
            log.warn("Index {} cannot compute the keys of the document with _id {}: {}", index.name(),
                     document.get("_id"), cannotIndex.toString());
            return null;
        }
    }

    static Report check(MVStore store, List<LedgerH2Backend.UniqueIndex> indexes) {
        long started = System.nanoTime();
        Progress progress = new Progress();
        Map<String, List<LedgerH2Backend.UniqueIndex>> byCollection = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LedgerH2Backend.UniqueIndex index : indexes) {
            if (seen.add(index.database() + "." + index.collection() + "/" + index.name())) {
                byCollection.computeIfAbsent(
                        LedgerH2Backend.documentsMapName(index.database(), index.collection()),
                        name -> new ArrayList<>()).add(index);
            }
        }
        long documents = 0;
        long entries = 0;
        long dangling = 0;
        long partial = 0;
        for (Map.Entry<String, List<LedgerH2Backend.UniqueIndex>> collection : byCollection.entrySet()) {
            if (!store.hasMap(collection.getKey())) {
                continue;
            }
            MVMap<Object, Object> docs = LedgerH2Backend.openDocuments(store, collection.getKey());
            List<MVMap<Object, Object>> maps = new ArrayList<>();
            for (LedgerH2Backend.UniqueIndex index : collection.getValue()) {
                maps.add(LedgerH2Backend.openIndex(store, LedgerH2Backend.indexMapName(index.database(),
                        index.collection(), index.name())));
            }
            // Index entries first: each must lead to a document that carries its key.
            for (int i = 0; i < maps.size(); i++) {
                LedgerH2Backend.UniqueIndex index = collection.getValue().get(i);
                MVMap<Object, Object> map = maps.get(i);
                List<Object> stale = new ArrayList<>();
                for (Map.Entry<Object, Object> entry : map.entrySet()) {
                    if (++entries % 4_096 == 0) {
                        progress.at(collection.getKey(), documents, entries);
                    }
                    Object document = docs.get(entry.getValue());
                    if (!(document instanceof Document found)) {
                        stale.add(entry.getKey());
                    } else {
                        Set<KeyValue> keys = keysOf(index, found);
                        if (keys != null && !keys.contains(entry.getKey())) {
                            stale.add(entry.getKey());
                        }
                    }
                }
                for (Object key : stale) {
                    log.warn("Removing the entry {} of index {} of {}: its document is missing or has another key "
                                     + "(an unfinished command)", key, index.name(), collection.getKey());
                    map.remove(key);
                }
                dangling += stale.size();
            }
            // Then documents: each must be found under every key its unique indexes give it.
            Map<Object, Document> incomplete = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> entry : docs.entrySet()) {
                if (++documents % 4_096 == 0) {
                    progress.at(collection.getKey(), documents, entries);
                }
                if (!(entry.getValue() instanceof Document document)) {
                    continue;
                }
                for (int i = 0; i < maps.size() && !incomplete.containsKey(entry.getKey()); i++) {
                    LedgerH2Backend.UniqueIndex index = collection.getValue().get(i);
                    Set<KeyValue> keys = keysOf(index, document);
                    for (KeyValue key : keys == null ? Set.<KeyValue>of() : keys) {
                        if (index.sparse() && key.stream().allMatch(Objects::isNull)) {
                            continue; // a sparse index holds no entry for a document without its fields
                        }
                        if (!Objects.equals(maps.get(i).get(key), entry.getKey())) {
                            incomplete.put(entry.getKey(), document);
                            break;
                        }
                    }
                }
            }
            for (Map.Entry<Object, Document> orphan : incomplete.entrySet()) {
                log.warn("Removing the document with _id {} from {}: missing from its unique indexes (an unfinished "
                                 + "insert or delete, never acknowledged)", orphan.getKey(), collection.getKey());
                for (int i = 0; i < maps.size(); i++) {
                    Set<KeyValue> keys = keysOf(collection.getValue().get(i), orphan.getValue());
                    for (KeyValue key : keys == null ? Set.<KeyValue>of() : keys) {
                        if (Objects.equals(maps.get(i).get(key), orphan.getKey())) {
                            maps.get(i).remove(key);
                        }
                    }
                }
                docs.remove(orphan.getKey());
            }
            partial += incomplete.size();
        }
        Report report = new Report(true, documents, entries, dangling, partial);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.repaired()) {
            log.warn("Embedded store checked in {} ms: {} documents, {} index entries; removed {} dangling index "
                             + "entries and {} partly written documents", millis, documents, entries, dangling, partial);
        } else {
            log.info("Embedded store checked in {} ms: {} documents and {} index entries, all in step", millis,
                     documents, entries);
        }
        return report;
    }
}
