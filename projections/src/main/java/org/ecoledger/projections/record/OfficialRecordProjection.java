package org.ecoledger.projections.record;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.projections.ProjectionsModule;
import org.ecoledger.projections.asof.AsOf;
import org.ecoledger.projections.store.KeyLookups;

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
 * <p>Idempotent under replay: an entry is a replace-by-key. Not an insert that keeps an entry already stored: with
 * the store killed mid-load, {@code StoreOutageIT} found an insert-once version holding, under a key, an event the
 * record no longer has at that sequence (the event appended in its place came later), and the replace is what puts
 * the view right when that event arrives (the view had been handed an event before it was durable; the stream now
 * waits for that, docs/reliability.md, but a view that overwrites does not depend on it). The summary is recomputed
 * from every stored entry (only after a registration, an appointment, a leaving or a correction — the entries that
 * can change it), the head is a
 * {@code $max}, and place memberships are {@code $addToSet}/{@code $pull} of the recomputed set. Reapplying any event,
 * in any order after a crash, leaves the same documents. Every read is by {@code _id}.
 *
 * <p>In a processor's batch ({@link BatchingUnitOfWork}) the writes wait for the batch's last event: then its entries
 * are written in one bulk write, the officials' heads in another, and each official whose summary may have changed
 * is recomputed once — a few store round trips per batch instead of two or more per event (a demo city or a replay
 * of tens of thousands of events catches up several times faster). It happens while the last event is handled, so a
 * failure fails the batch, which is retried, and the processor's token never passes unwritten entries. The batch
 * holds only events this handler handles (its processing group has no other handler), so its last event always
 * reaches it. Outside a batch (a replay by hand) each event is written at once.
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
    private final KeyLookups lookups;
    /** The unit-of-work resource holding what a batch has handled but not yet written. */
    private final String pendingKey = OfficialRecordProjection.class.getName() + ".pending@"
            + Integer.toHexString(System.identityHashCode(this));

    public OfficialRecordProjection(MongoDatabase database) {
        this(database, KeyLookups.overDriver(database));
    }

    /** Writes to {@code database}; reads by key with {@code lookups} (the store's maps in this process). */
    public OfficialRecordProjection(MongoDatabase database, KeyLookups lookups) {
        this.lookups = lookups;
        this.entries = database.getCollection(ENTRIES);
        this.officials = database.getCollection(OFFICIALS);
        this.postsAt = database.getCollection(POSTS_AT);
        this.store = new OfficialRecordStore(lookups);
    }

    @EventHandler
    public void on(RecordEvent event, @SequenceNumber long sequence) {
        RecordEntry entry = RecordEntries.of(sequence, event);
        if (!CurrentUnitOfWork.isStarted()) {
            write(new Pending().add(entry));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Pending pending = unitOfWork.root().getOrComputeResource(pendingKey, key -> new Pending()).add(entry);
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && !batch.isLastMessage()) {
            return;
        }
        unitOfWork.root().resources().remove(pendingKey);
        write(pending);
    }

    /** The entries a batch has handled, in order, and the officials whose summaries they may change. */
    private static final class Pending {

        final List<RecordEntry> entries = new ArrayList<>();
        final Map<String, Long> heads = new LinkedHashMap<>();
        final Set<String> changed = new LinkedHashSet<>();

        Pending add(RecordEntry entry) {
            entries.add(entry);
            heads.merge(entry.officialId(), entry.sequence(), Math::max);
            if (entry.isRegistration() || RecordEntries.SHAPING.contains(entry.type())) {
                changed.add(entry.officialId());
            }
            return this;
        }
    }

    /** The entries, then the heads, then the summaries of the officials they may change. */
    private void write(Pending pending) {
        List<WriteModel<Document>> entryWrites = new ArrayList<>(pending.entries.size());
        for (RecordEntry entry : pending.entries) {
            entryWrites.add(new ReplaceOneModel<>(eq("_id", entry.key()), StoredEntries.toDocument(entry),
                    new ReplaceOptions().upsert(true)));
        }
        entries.bulkWrite(entryWrites);
        List<WriteModel<Document>> headWrites = new ArrayList<>(pending.heads.size());
        pending.heads.forEach((officialId, sequence) -> headWrites.add(new UpdateOneModel<>(eq("_id", officialId),
                Updates.max("headSequence", sequence), new UpdateOptions().upsert(true))));
        officials.bulkWrite(headWrites);
        pending.changed.forEach(this::refresh);
    }

    /** Recomputes an official's summary and place memberships from the stored entries. */
    void refresh(String officialId) {
        Document before = lookups.byId(OFFICIALS, officialId);
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

    /**
     * Clears the view for a replay by dropping its collections (they hold no index but {@code _id}, and the next
     * write creates them again): on the embedded server a {@code deleteMany} removes one document at a time, which
     * took 30–60 s for the million entries of a 1M-event ledger (docs/benchmarks.md).
     */
    @ResetHandler
    public void reset() {
        entries.drop();
        officials.drop();
        postsAt.drop();
    }
}
