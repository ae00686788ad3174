package org.ecoledger.projections.record;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.projections.ProjectionsModule;
import org.ecoledger.projections.asof.AsOf;

/**
 * 干部档案读模型 (the official-record read model): an Axon event handler that keeps, in MongoDB,
 *
 * <ul>
 *   <li>{@value #ENTRIES}: one small document per event, {@code _id = officialId#sequence}, the {@link RecordEntry};</li>
 *   <li>{@value #OFFICIALS}: one document per official, {@code _id = officialId}: name, the last sequence seen, and the
 *       tenures as {@link RecordFold} folds the stored entries now (corrections applied), with the place keys they
 *       are at;</li>
 *   <li>{@value #POSTS_AT}: per place key ({@code jurisdiction/<code>}, {@code department/<code>}) the officials who
 *       ever held a post there, for incident tracing and compliance.</li>
 * </ul>
 *
 * <p>Idempotent under replay: an entry is a replace-by-key; the summary is recomputed from every stored entry (only
 * after a registration, an appointment, a leaving or a correction — the entries that can change it), the head is a
 * {@code $max}, and place memberships are {@code $addToSet}/{@code $pull} of the recomputed set. Reapplying any event,
 * in any order after a crash, leaves the same documents. Every read is by {@code _id}.
 */
@ProcessingGroup(ProjectionsModule.OFFICIAL_RECORDS)
public class OfficialRecordProjection {

    public static final String ENTRIES = "view_record_entries";
    public static final String OFFICIALS = "view_officials";
    public static final String POSTS_AT = "view_posts_at";

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> officials;
    private final MongoCollection<Document> postsAt;
    private final OfficialRecordStore store;

    public OfficialRecordProjection(MongoDatabase database) {
        this.entries = database.getCollection(ENTRIES);
        this.officials = database.getCollection(OFFICIALS);
        this.postsAt = database.getCollection(POSTS_AT);
        this.store = new OfficialRecordStore(database);
    }

    @EventHandler
    public void on(RecordEvent event, @SequenceNumber long sequence) {
        RecordEntry entry = RecordEntries.of(sequence, event);
        entries.replaceOne(eq("_id", entry.key()), StoredEntries.toDocument(entry),
                new ReplaceOptions().upsert(true));
        officials.updateOne(eq("_id", entry.officialId()), Updates.max("headSequence", sequence),
                new UpdateOptions().upsert(true));
        if (entry.isRegistration() || RecordEntries.SHAPING.contains(entry.type())) {
            refresh(entry.officialId());
        }
    }

    /** Recomputes an official's summary and place memberships from the stored entries. */
    void refresh(String officialId) {
        Document before = officials.find(eq("_id", officialId)).first();
        List<RecordEntry> stored = store.entries(officialId).orElse(List.of());
        RecordState state = RecordFold.fold(officialId, stored, AsOf.now());
        Set<String> places = new TreeSet<>();
        state.tenures().forEach(tenure -> places.add(tenure.placeKey()));
        officials.updateOne(eq("_id", officialId), Updates.combine(
                Updates.set("name", state.name()),
                Updates.set("registeredOn", state.registeredOn() == null ? null : state.registeredOn().toString()),
                Updates.set("tenures", state.tenures().stream().map(StoredEntries::toDocument).toList()),
                Updates.set("places", List.copyOf(places))), new UpdateOptions().upsert(true));
        for (String place : places) {
            postsAt.updateOne(eq("_id", place), Updates.addToSet("officials", officialId),
                    new UpdateOptions().upsert(true));
        }
        if (before != null && before.getList("places", String.class) != null) {
            for (String place : before.getList("places", String.class)) {
                if (!places.contains(place)) {
                    postsAt.updateOne(eq("_id", place), Updates.pull("officials", officialId));
                }
            }
        }
    }

    @ResetHandler
    public void reset() {
        entries.deleteMany(new Document());
        officials.deleteMany(new Document());
        postsAt.deleteMany(new Document());
    }
}
