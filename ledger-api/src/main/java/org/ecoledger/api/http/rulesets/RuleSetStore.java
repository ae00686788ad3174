package org.ecoledger.api.http.rulesets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * 规则集 (rule sets) as posted: versioned JSON documents in the {@code rule_sets} collection, one per id and
 * version ({@code _id} = {@code "<id>@<version>"}), immutable once stored: the collection only grows. The document
 * is kept verbatim as JSON text, so any text (even one that looks like a query operator) is stored as data;
 * {@code id}, {@code version} and {@code effectiveFrom} are copied beside it. The views read them through
 * {@link PostedRuleSets}, which notices a new one by {@link #count()}.
 */
public class RuleSetStore {

    /** The collection's name. */
    public static final String COLLECTION = "rule_sets";

    /** A stored rule set. */
    public record StoredRuleSet(String id, long version, LocalDate effectiveFrom, String postedBy, String postedAt,
                                JsonNode ruleSet) {
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

    /** How many versions are stored: the collection only grows, so a change in the count means a new version. */
    public long count() {
        return ruleSets.countDocuments();
    }

    /**
     * Every stored rule set, by id and version. A document that was not written by {@link #save} (a key field missing,
     * the JSON text unreadable) is still listed, with what could be read ({@code ruleSet} null if nothing), so that
     * the catalogue can report it instead of failing.
     */
    public List<StoredRuleSet> all() {
        List<StoredRuleSet> all = new ArrayList<>();
        for (Document document : ruleSets.find()) {
            all.add(read(document));
        }
        all.sort(Comparator.comparing(StoredRuleSet::id).thenComparingLong(StoredRuleSet::version));
        return all;
    }

    private static long versionOf(String key, int at) {
        try {
            return at > 0 ? Long.parseLong(key.substring(at + 1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private StoredRuleSet read(Document document) {
        String key = String.valueOf(document.get("_id"));
        int separator = key.lastIndexOf('@');
        String id = document.get("id") instanceof String text ? text
                : separator > 0 ? key.substring(0, separator) : key;
        long version = document.get("version") instanceof Number number ? number.longValue()
                : versionOf(key, separator);
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(String.valueOf(document.get("effectiveFrom")));
        } catch (DateTimeParseException e) {
            effectiveFrom = null;
        }
        JsonNode ruleSet;
        try {
            ruleSet = document.get("json") instanceof String json ? mapper.readTree(json) : null;
        } catch (JsonProcessingException e) {
            ruleSet = null;
        }
        return new StoredRuleSet(id, version, effectiveFrom, document.get("postedBy") instanceof String by ? by : null,
                                 document.get("postedAt") instanceof String at ? at : null, ruleSet);
    }
}
