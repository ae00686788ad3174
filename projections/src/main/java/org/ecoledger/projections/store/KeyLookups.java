package org.ecoledger.projections.store;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/**
 * Exact-key reads of read models: {@code _id ∈ {…}} in windows of {@link #WINDOW} keys. The embedded server checks
 * every returned document against the whole {@code $in} list, so a lookup costs documents × keys: windows stay small.
 */
public final class KeyLookups {

    /** Keys per {@code $in} query. */
    public static final int WINDOW = 128;

    private KeyLookups() {
    }

    public static List<Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        List<String> keys = List.copyOf(ids);
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += WINDOW) {
            List<String> window = keys.subList(from, Math.min(keys.size(), from + WINDOW));
            collection.find(in("_id", window)).into(found);
        }
        return found;
    }
}
