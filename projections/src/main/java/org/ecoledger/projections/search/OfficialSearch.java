package org.ecoledger.projections.search;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.OfficialRecordProjection;
import org.ecoledger.projections.record.OfficialRecordStore;
import org.ecoledger.projections.record.OfficialSummary;
import org.ecoledger.projections.record.PlaceKeys;

/**
 * 干部检索 (search officials by a substring of the name, Chinese or not, and by jurisdiction: the officials who held a
 * post at it or at one of its departments), paged, by official id.
 *
 * <p>No substring index exists on the embedded server, so this is a server-side scan of the small
 * {@value OfficialRecordProjection#OFFICIALS} collection (one document per official) with a quoted, case-insensitive
 * regular expression: a count and a page, two scans. Measured ({@code OfficialSearchTest}, in-memory backend, 10,000
 * officials): about 65 ms per query. That is acceptable for an interactive search of a city's officials, stays
 * consistent across application nodes, and needs no start-up rebuild; an in-memory index (not built) would answer
 * faster but would go stale on every node whose tracking processor does not own the segment that changed, and would
 * need its own invalidation. Revisit if a ledger holds far more officials.
 */
public class OfficialSearch {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Page size when none is asked for. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Longest query text accepted. */
    public static final int MAX_QUERY_LENGTH = 64;

    private final MongoCollection<Document> officials;
    private final PlaceDirectory places;

    public OfficialSearch(MongoDatabase database, PlaceDirectory places) {
        this.officials = database.getCollection(OfficialRecordProjection.OFFICIALS);
        this.places = places;
    }

    /**
     * @param query            a substring of the name, or {@code null}/blank for any
     * @param jurisdictionCode officials who held a post at it or at one of its departments, or {@code null} for any
     * @param page             from 0
     * @param pageSize         1 to {@link #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException for a negative page, a page size out of bounds or an over-long query
     */
    public SearchPage<OfficialHit> search(String query, String jurisdictionCode, int page, int pageSize) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(ne("name", null));
        if (query != null && !query.isBlank()) {
            filters.add(regex("name", Pattern.compile(Pattern.quote(query.strip()),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        if (jurisdictionCode != null) {
            List<String> keys = new ArrayList<>();
            keys.add(PlaceKeys.jurisdiction(jurisdictionCode));
            places.departmentsOf(jurisdictionCode).forEach(code -> keys.add(PlaceKeys.department(code)));
            filters.add(in("places", keys));
        }
        Bson filter = and(filters);
        long total = officials.countDocuments(filter);
        List<OfficialHit> hits = new ArrayList<>();
        for (Document document : officials.find(filter).sort(Sorts.ascending("_id"))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) page * pageSize)).limit(pageSize)) {
            OfficialSummary summary = OfficialRecordStore.summaryOf(document);
            hits.add(new OfficialHit(summary.officialId(), summary.name(), summary.tenures()));
        }
        return new SearchPage<>(hits, page, pageSize, total);
    }
}
