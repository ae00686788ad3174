package org.ecoledger.api.http.rulesets;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.ecoledger.core.rules.ruleset.InvalidRuleSetException;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 规则集目录 (the rule sets the views judge with): the versions shipped with the ledger
 * ({@link RuleSets#DEFAULT_RESOURCES}, built in) and every version an ADMIN posted ({@link RuleSetStore}, the
 * {@code rule_sets} collection that every node of the ledger shares).
 *
 * <p><b>Seeing a version posted on another node.</b> The collection only grows (a version is never replaced or
 * removed), so its number of documents tells whether something was added. A view asks {@link #current()}; at most
 * once per {@link #RECHECK_INTERVAL} that counts the documents, and only when the count changed are they read and
 * checked again. A node that stores a version reloads at once ({@link #refresh()}), so its own views use the version
 * from the next request; the other nodes within {@link #RECHECK_INTERVAL}.
 *
 * <p><b>A stored version that cannot be used</b> (stored before versions were checked, or written into the store by
 * hand: not a valid rule set, the id and version of a built-in one, or a key that does not match its document) is
 * left out of the catalogue with a warning in the log, and {@link #listing()} shows it with its problem.
 *
 * <p>{@link #knownAt(Instant)} leaves out the versions posted after that instant, so a view as of a past moment judges
 * with the rules the ledger knew then.
 */
public class PostedRuleSets implements RuleSetCatalogue {

    /** How stale a node's catalogue may be before it counts the stored versions again. */
    public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(PostedRuleSets.class);

    /** One version as the catalogue holds it; {@code set} is null when it cannot be used, and {@code problem} says why. */
    public record Version(RuleSet set, boolean builtIn, RuleSetStore.StoredRuleSet stored, JsonNode document,
                          String problem) {
    }

    /** The versions read at one time: the built-in ones first, then the stored ones in the order they were posted. */
    private record Snapshot(long checkedAt, long storedCount, List<Version> versions, RuleSets current,
                            Map<String, String> problems) {
    }

    private final RuleSetStore store;
    private final ObjectMapper mapper;
    private final LongSupplier nanoTime;
    private final List<Version> builtIn;
    private volatile Snapshot snapshot;

    /**
     * @param mapper reads the built-in and stored rule sets (the stored ones were checked when posted)
     */
    public PostedRuleSets(RuleSetStore store, ObjectMapper mapper) {
        this(store, mapper, System::nanoTime);
    }

    PostedRuleSets(RuleSetStore store, ObjectMapper mapper, LongSupplier nanoTime) {
        this.store = store;
        this.mapper = mapper;
        this.nanoTime = nanoTime;
        List<Version> shipped = new ArrayList<>();
        for (String resource : RuleSets.DEFAULT_RESOURCES) {
            JsonNode document = RuleSets.resourceTree(mapper, resource);
            shipped.add(new Version(RuleSets.fromTree(mapper, document), true, null, document, null));
        }
        this.builtIn = List.copyOf(shipped);
    }

    /** Every usable version known now (re-counting the stored ones at most once per {@link #RECHECK_INTERVAL}). */
    @Override
    public RuleSets current() {
        return fresh().current();
    }

    /** The built-in versions and the stored ones posted at or before {@code instant}. */
    @Override
    public RuleSets knownAt(Instant instant) {
        RuleSets known = RuleSets.of();
        for (Version version : fresh().versions()) {
            if (version.set() != null && (version.builtIn() || !postedAt(version.stored()).isAfter(instant))) {
                known = known.with(version.set());
            }
        }
        return known;
    }

    /** Whether {@code id} at {@code version} is shipped with the ledger (it cannot be posted). */
    public boolean isBuiltIn(String id, int version) {
        return builtIn.stream().anyMatch(v -> v.set().id().equals(id) && v.set().version() == version);
    }

    /** Reads the stored versions now: after a version was stored here, or to list them. */
    public void refresh() {
        reload();
    }

    /** Every version, built in or stored, usable or not, read now; by id, then version. */
    public List<Version> listing() {
        List<Version> all = new ArrayList<>(reload().versions());
        all.sort(Comparator.comparing((Version v) -> v.builtIn() ? v.set().id() : v.stored().id())
                           .thenComparingLong(v -> v.builtIn() ? v.set().version() : v.stored().version()));
        return all;
    }

    private Snapshot fresh() {
        Snapshot seen = snapshot;
        long now = nanoTime.getAsLong();
        if (seen != null && now - seen.checkedAt() < RECHECK_INTERVAL.toNanos()) {
            return seen;
        }
        synchronized (this) {
            seen = snapshot;
            if (seen != null && now - seen.checkedAt() < RECHECK_INTERVAL.toNanos()) {
                return seen;
            }
            if (seen != null && store.count() == seen.storedCount()) {
                snapshot = new Snapshot(now, seen.storedCount(), seen.versions(), seen.current(), seen.problems());
                return snapshot;
            }
            return reload();
        }
    }

    private synchronized Snapshot reload() {
        long now = nanoTime.getAsLong();
        List<RuleSetStore.StoredRuleSet> stored = new ArrayList<>(store.all());
        stored.sort(Comparator.comparing(PostedRuleSets::postedAt).thenComparing(RuleSetStore.StoredRuleSet::id)
                              .thenComparingLong(RuleSetStore.StoredRuleSet::version));
        List<Version> versions = new ArrayList<>(builtIn);
        RuleSets current = RuleSets.of();
        for (Version version : builtIn) {
            current = current.with(version.set());
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (RuleSetStore.StoredRuleSet document : stored) {
            String key = document.id() + "@" + document.version();
            String problem;
            RuleSet set = null;
            try {
                set = RuleSets.fromTree(mapper, document.ruleSet());
                if (!set.id().equals(document.id()) || set.version() != document.version()) {
                    problem = "stored under " + key + " but the document is " + set.reference();
                } else if (isBuiltIn(set.id(), set.version())) {
                    problem = key + " is built in; a changed rule set is a new version";
                } else if (current.find(set.id(), set.version()).isPresent()) {
                    problem = key + " is stored twice";
                } else {
                    problem = null;
                }
            } catch (InvalidRuleSetException e) {
                problem = "not a valid rule set: " + (e.field().isEmpty() ? "" : e.field() + " ") + e.reason();
            }
            if (problem == null) {
                current = current.with(set);
                versions.add(new Version(set, false, document, document.ruleSet(), null));
            } else {
                problems.put(key, problem);
                versions.add(new Version(null, false, document, document.ruleSet(), problem));
            }
        }
        Snapshot previous = snapshot;
        problems.forEach((key, problem) -> {
            if (previous == null || !problem.equals(previous.problems().get(key))) {
                log.warn("Rule set {} in {} is not used by the views: {}", key, RuleSetStore.COLLECTION, problem);
            }
        });
        snapshot = new Snapshot(now, stored.size(), List.copyOf(versions), current, Map.copyOf(problems));
        return snapshot;
    }

    private static Instant postedAt(RuleSetStore.StoredRuleSet stored) {
        try {
            return stored.postedAt() == null ? Instant.EPOCH : Instant.parse(stored.postedAt());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
