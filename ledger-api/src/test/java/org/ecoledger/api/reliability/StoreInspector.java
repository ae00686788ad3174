package org.ecoledger.api.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.projections.record.OfficialRecordProjection;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Reads a node's store directly with the MongoDB driver, as an auditor with {@code mongosh} would: the events in
 * global order (to find holes and to find every append by its marker), and the official-record view's documents (to
 * compare the view with the events).
 */
public final class StoreInspector implements AutoCloseable {

    /** One stored event: where it is, which record, and the marker of the request that appended it (if any). */
    public record StoredEvent(long globalIndex, String aggregateId, long sequence, String eventId, String payloadType,
                              String timestamp, String prevHash, String hash, String marker) {
    }

    /** The events in global order, and what is wrong with that order (empty: nothing). */
    public record EventLog(List<StoredEvent> events, List<String> holes) {

        /** Every event of each record, by sequence. */
        public Map<String, TreeMap<Long, StoredEvent>> byRecord() {
            Map<String, TreeMap<Long, StoredEvent>> records = new HashMap<>();
            for (StoredEvent event : events) {
                records.computeIfAbsent(event.aggregateId(), id -> new TreeMap<>()).put(event.sequence(), event);
            }
            return records;
        }

        /**
         * Where a record is not one straight line: a sequence missing or repeated, or an entry whose {@code prevHash}
         * is not the hash of the entry before it (a fork). Empty when every record is linear.
         */
        public List<String> chainBreaks() {
            List<String> breaks = new ArrayList<>();
            Map<String, List<StoredEvent>> records = new HashMap<>();
            for (StoredEvent event : events) {
                records.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
            }
            records.forEach((record, stored) -> {
                stored.sort(Comparator.comparingLong(StoredEvent::sequence));
                for (int i = 0; i < stored.size(); i++) {
                    StoredEvent event = stored.get(i);
                    if (event.sequence() != i) {
                        breaks.add(record + ": sequence " + event.sequence() + " at position " + i);
                        return;
                    }
                    if (i > 0 && !event.prevHash().equals(stored.get(i - 1).hash())) {
                        breaks.add(record + "#" + i + ": prevHash is not the hash of #" + (i - 1));
                        return;
                    }
                }
            });
            return breaks;
        }

        /** Every marker with the events that carry it (more than one: an append was stored twice). */
        public Map<String, List<StoredEvent>> byMarker() {
            Map<String, List<StoredEvent>> markers = new HashMap<>();
            for (StoredEvent event : events) {
                if (event.marker() != null) {
                    markers.computeIfAbsent(event.marker(), m -> new ArrayList<>()).add(event);
                }
            }
            return markers;
        }
    }

    /** The official-record view of one official: its head and the marker of each entry it holds, by sequence. */
    public record RecordView(long headSequence, TreeMap<Long, String> markers, int documents) {
    }

    private final MongoClient client;
    private final MongoDatabase database;

    /** Connects to {@code address} ({@code host:port}), database {@code ledger}. */
    public StoreInspector(String address) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address + "/"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(20, TimeUnit.SECONDS))
                .build());
        this.database = client.getDatabase("ledger");
    }

    /** Ids probed per read of {@link #events()}. */
    static final int WINDOW = 500;

    /** Empty windows in a row after which {@link #events()} stops looking (a hole of 10,000 ids would be missed). */
    static final int EMPTY_WINDOWS_TO_STOP = 20;

    /**
     * Every stored event, in global order, with the holes in that order. The commits are read by their ids in windows
     * ({@code $in}), not with one query for the whole collection: the embedded server answers such a query in one
     * reply, which past ~50,000 events exceeds the driver's largest message. A commit the windows did not reach (one
     * beyond a gap of more than {@value #EMPTY_WINDOWS_TO_STOP} windows) is found by the count and reported as a hole.
     */
    public EventLog events() {
        MongoCollection<Document> collection = database.getCollection("events");
        List<Document> commits = new ArrayList<>();
        int emptyInARow = 0;
        for (long from = 0; emptyInARow < EMPTY_WINDOWS_TO_STOP; from += WINDOW) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long id = from; id < from + WINDOW; id++) {
                ids.add(id);
            }
            int before = commits.size();
            collection.find(Filters.in("_id", ids)).into(commits);
            emptyInARow = commits.size() == before ? emptyInARow + 1 : 0;
        }
        commits.sort(Comparator.comparingLong(commit -> commit.get("_id", Number.class).longValue()));
        long stored = collection.countDocuments();
        List<String> unreached = new ArrayList<>();
        if (stored != commits.size()) {
            unreached.add(stored - commits.size() + " commit(s) lie beyond a gap of more than "
                    + WINDOW * EMPTY_WINDOWS_TO_STOP + " global indexes (or have no integer id)");
        }
        List<StoredEvent> events = new ArrayList<>();
        List<String> holes = new ArrayList<>(unreached);
        long expected = 0;
        for (Document commit : commits) {
            long first = commit.get("_id", Number.class).longValue();
            if (first != expected) {
                holes.add("a commit starts at global index " + first + " where " + expected + " was expected");
            }
            List<Document> inside = commit.getList("events", Document.class);
            for (int i = 0; i < inside.size(); i++) {
                Document event = inside.get(i);
                long index = event.get("globalIndex", Number.class).longValue();
                if (index != first + i) {
                    holes.add("event " + i + " of the commit at " + first + " names global index " + index);
                }
                Document payload = event.get("payload", Document.class);
                String marker = null;
                if (payload != null && payload.get("topics") instanceof List<?> topics && !topics.isEmpty()) {
                    marker = String.valueOf(topics.get(0));
                }
                events.add(new StoredEvent(index, commit.getString("aggregateId"),
                        event.get("sequence", Number.class).longValue(), event.getString("eventId"),
                        event.getString("payloadType"), event.getString("timestamp"), event.getString("prevHash"),
                        event.getString("hash"),
                        marker));
            }
            expected = first + inside.size();
        }
        return new EventLog(events, holes);
    }

    /** The official-record view of {@code officialId}: head, and each entry document's marker. */
    public RecordView recordView(String officialId) {
        Document summary = database.getCollection(OfficialRecordProjection.OFFICIALS)
                                   .find(new Document("_id", officialId)).first();
        long head = summary == null || summary.get("headSequence") == null ? -1
                : summary.get("headSequence", Number.class).longValue();
        TreeMap<Long, String> markers = new TreeMap<>();
        MongoCollection<Document> entries = database.getCollection(OfficialRecordProjection.ENTRIES);
        // By id in windows (officialId#sequence), up to the head and a window past it: one query for all of an
        // official's entries is answered in one reply, too large for the driver past ~50,000 entries.
        for (long from = 0; from <= Math.max(head, 0) + WINDOW; from += WINDOW) {
            List<String> ids = new ArrayList<>(WINDOW);
            for (long sequence = from; sequence < from + WINDOW; sequence++) {
                ids.add(officialId + "#" + sequence);
            }
            for (Document entry : entries.find(Filters.in("_id", ids))) {
                Document fields = entry.get("fields", Document.class);
                Object topics = fields == null ? null : fields.get("topics");
                String marker = topics instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "";
                markers.put(entry.get("sequence", Number.class).longValue(), marker);
            }
        }
        // Every document of the official, wherever its id: a count answers in one small reply.
        int documents = (int) entries.countDocuments(new Document("officialId", officialId));
        return new RecordView(head, markers, documents);
    }

    /**
     * Compares the official-record view with the stored events of {@code officials}: the same head, one document per
     * event (none missing, none extra), each carrying the marker of the event at its sequence. Returns the
     * differences, empty when the view is exactly the events.
     */
    public List<String> viewDifferences(EventLog log, List<String> officials) {
        List<String> differences = new ArrayList<>();
        Map<String, TreeMap<Long, StoredEvent>> records = log.byRecord();
        for (String official : officials) {
            TreeMap<Long, StoredEvent> events = records.getOrDefault(OfficialId.of(official).aggregateIdentifier(),
                                                                     new TreeMap<>());
            RecordView view = recordView(official);
            long head = events.isEmpty() ? -1 : events.lastKey();
            if (view.headSequence() != head) {
                differences.add(official + ": the view's head is " + view.headSequence() + ", the record's " + head);
            }
            if (view.documents() != events.size()) {
                differences.add(official + ": the view holds " + view.documents() + " entries, the record "
                        + events.size());
            }
            for (Map.Entry<Long, StoredEvent> event : events.entrySet()) {
                String viewed = view.markers().get(event.getKey());
                String stored = event.getValue().marker() == null ? "" : event.getValue().marker();
                if (viewed == null) {
                    differences.add(official + "#" + event.getKey() + " is missing from the view");
                } else if (!viewed.equals(stored)) {
                    differences.add(official + "#" + event.getKey() + ": the view has " + viewed + ", the record "
                            + stored);
                }
            }
        }
        return differences;
    }

    /** Documents in a collection (a scan; the tests' stores are small). */
    public long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    public MongoDatabase database() {
        return database;
    }

    /** Counts of the events per record, for reports. */
    public static Map<String, Integer> lengths(EventLog log) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        log.byRecord().forEach((record, events) -> lengths.put(record, events.size()));
        return lengths;
    }

    @Override
    public void close() {
        client.close();
    }
}
