package org.ecoledger.projections.store;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.ecoledger.core.store.KeyedReads;

/**
 * Exact-key reads of read models: {@code _id ∈ {…}} in windows of {@link #WINDOW} keys, through the ledger's
 * {@link KeyedReads} (on the embedded default, the store's maps in the application's process; else {@code $in}
 * queries through the driver, where the embedded server checks every returned document against the whole list, so
 * a lookup costs documents × keys: windows stay small). Documents come back as the driver's {@link Document}s, the
 * same values either way.
 */
public final class KeyLookups {

    /** Keys per lookup. */
    public static final int WINDOW = 128;

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final KeyedReads reads;

    public KeyLookups(KeyedReads reads) {
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    /** Lookups through the driver on {@code database}. */
    public static KeyLookups overDriver(MongoDatabase database) {
        return new KeyLookups(KeyedReads.overDriver(database));
    }

    /** The documents of {@code collection} with these ids, in no particular order. */
    public List<Document> byIds(String collection, Collection<String> ids) {
        List<String> keys = List.copyOf(ids);
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += WINDOW) {
            List<String> window = keys.subList(from, Math.min(keys.size(), from + WINDOW));
            for (BsonDocument document : reads.byId(collection, window)) {
                found.add(CODEC.decode(new BsonDocumentReader(document), DECODING));
            }
        }
        return found;
    }

    /** The document of {@code collection} with this id, or null. */
    public Document byId(String collection, String id) {
        List<Document> found = byIds(collection, List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }
}
