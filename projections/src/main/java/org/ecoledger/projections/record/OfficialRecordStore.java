package org.ecoledger.projections.record;


import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.ecoledger.projections.store.KeyLookups;

/**
 * Reads of the official-record read model, by key only: an official's entries ({@code $in} over
 * {@code officialId#0 … officialId#head}), summaries by id, and the officials who held posts at places.
 */
public class OfficialRecordStore implements RecordSource {

    private final KeyLookups lookups;

    public OfficialRecordStore(MongoDatabase database) {
        this(KeyLookups.overDriver(database));
    }

    /** Reads by key with {@code lookups} (on the embedded default, the store's maps in this process). */
    public OfficialRecordStore(KeyLookups lookups) {
        this.lookups = lookups;
    }

    /** Every stored entry of the official, by sequence; empty when the official is unknown to the read model. */
    @Override
    public Optional<List<RecordEntry>> entries(String officialId) {
        Document summary = lookups.byId(OfficialRecordProjection.OFFICIALS, officialId);
        if (summary == null || summary.get("headSequence") == null) {
            return Optional.empty();
        }
        long head = ((Number) summary.get("headSequence")).longValue();
        List<String> keys = new ArrayList<>();
        for (long sequence = 0; sequence <= head; sequence++) {
            keys.add(RecordEntry.key(officialId, sequence));
        }
        List<RecordEntry> found = new ArrayList<>(lookups.byIds(OfficialRecordProjection.ENTRIES, keys).stream()
                .map(StoredEntries::toEntry).toList());
        found.sort(Comparator.comparingLong(RecordEntry::sequence));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    public Optional<OfficialSummary> summary(String officialId) {
        return summaries(List.of(officialId)).stream().findFirst();
    }

    /** The summaries of these officials (those the read model knows and has seen registered). */
    public List<OfficialSummary> summaries(Collection<String> officialIds) {
        return lookups.byIds(OfficialRecordProjection.OFFICIALS, new LinkedHashSet<>(officialIds)).stream()
                .filter(document -> document.getString("name") != null)
                .map(OfficialRecordStore::summaryOf)
                .sorted(Comparator.comparing(OfficialSummary::officialId))
                .toList();
    }

    /** The officials who ever held a post at any of these place keys ({@link PlaceKeys}). */
    public Set<String> officialsAt(Collection<String> placeKeys) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document document : lookups.byIds(OfficialRecordProjection.POSTS_AT, new LinkedHashSet<>(placeKeys))) {
            List<String> list = document.getList("officials", String.class);
            if (list != null) {
                ids.addAll(list);
            }
        }
        return ids;
    }

    /** A summary from its stored document (for readers that scan, like search). */
    public static OfficialSummary summaryOf(Document document) {
        List<TenureState> tenures = new ArrayList<>();
        List<Document> stored = document.getList("tenures", Document.class);
        if (stored != null) {
            stored.forEach(tenure -> tenures.add(StoredEntries.toTenure(tenure)));
        }
        String registeredOn = document.getString("registeredOn");
        Object head = document.get("headSequence");
        return new OfficialSummary(document.getString("_id"), document.getString("name"),
                registeredOn == null ? null : LocalDate.parse(registeredOn),
                head == null ? -1 : ((Number) head).longValue(), tenures);
    }
}
