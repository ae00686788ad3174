package org.ecoledger.api.http.rulesets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * 规则集 (rule sets) as posted: versioned JSON documents in the {@code rule_sets} collection, one per id and
 * version ({@code _id} = {@code "<id>@<version>"}), immutable once stored. The document is kept verbatim as JSON
 * text, so any field name (even one starting with {@code $}) is stored as data; {@code id}, {@code version} and
 * {@code effectiveFrom} are copied beside it. The views read them with {@link #all()}.
 */
public class RuleSetStore {

    /** The collection's name. */
    public static final String COLLECTION = "rule_sets";

    /** A stored rule set. */
    public record StoredRuleSet(String id, long version, LocalDate effectiveFrom, String postedBy, String postedAt,
                                ObjectNode ruleSet) {
    }

    private final MongoCollection<Document> ruleSets;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RuleSetStore(MongoDatabase database, ObjectMapper mapper, Clock clock) {
        this.ruleSets = database.getCollection(COLLECTION);
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Stores a new version.
     *
     * @throws ApiException 409 already-exists when this id and version are stored
     */
    public StoredRuleSet save(String id, long version, LocalDate effectiveFrom, ObjectNode ruleSet, String postedBy) {
        String postedAt = clock.instant().toString();
        String json;
        try {
            json = mapper.writeValueAsString(ruleSet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        try {
            ruleSets.insertOne(new Document("_id", id + "@" + version).append("id", id).append("version", version)
                                       .append("effectiveFrom", effectiveFrom.toString()).append("json", json)
                                       .append("postedBy", postedBy).append("postedAt", postedAt));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict(ProblemType.ALREADY_EXISTS, "Rule set " + id + " version " + version
                        + " is already stored; a changed rule set is a new version");
            }
            throw e;
        }
        return new StoredRuleSet(id, version, effectiveFrom, postedBy, postedAt, ruleSet.deepCopy());
    }

    /**
     * Stores a rule set exactly as another ledger stored it (a restore from a ledger export: who posted it and when
     * are kept).
     *
     * @throws ApiException 409 already-exists when this id and version are stored
     */
    public void restore(StoredRuleSet stored) {
        String json;
        try {
            json = mapper.writeValueAsString(stored.ruleSet());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        try {
            ruleSets.insertOne(new Document("_id", stored.id() + "@" + stored.version()).append("id", stored.id())
                                       .append("version", stored.version())
                                       .append("effectiveFrom", stored.effectiveFrom().toString()).append("json", json)
                                       .append("postedBy", stored.postedBy()).append("postedAt", stored.postedAt()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict(ProblemType.ALREADY_EXISTS, "Rule set " + stored.id() + " version "
                        + stored.version() + " is already stored");
            }
            throw e;
        }
    }

    /** Every stored rule set, by id and version. */
    public List<StoredRuleSet> all() {
        List<StoredRuleSet> all = new ArrayList<>();
        for (Document document : ruleSets.find()) {
            try {
                all.add(new StoredRuleSet(document.getString("id"), document.get("version", Number.class).longValue(),
                                          LocalDate.parse(document.getString("effectiveFrom")),
                                          document.getString("postedBy"), document.getString("postedAt"),
                                          (ObjectNode) mapper.readTree(document.getString("json"))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored rule set " + document.get("_id") + " is not JSON", e);
            }
        }
        all.sort(Comparator.comparing(StoredRuleSet::id).thenComparingLong(StoredRuleSet::version));
        return all;
    }
}
