package org.ecoledger.core.rules.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 规则集目录 (the rule sets a ledger knows, every version): answers "which rule set was in force on date D?".
 *
 * <p>{@link #inForce(LocalDate)} is the version with the latest {@code effectiveFrom} on or before D (a tie goes to
 * the higher version, then the later added). A period is judged by the set in force on its first day, so adding a
 * version never re-judges the past: every period that began before the new version's {@code effectiveFrom} keeps its
 * judgement. A version once added cannot be replaced (same id and version again is refused).
 *
 * <p>Immutable; {@link #with(RuleSet)} returns a new catalogue. The default catalogue holds QHD-2018 from
 * {@code rulesets/QHD-2018.json}; the mapper is injected (it needs Java time support), as core never builds one.
 */
public final class RuleSets {

    /** The rule sets shipped with the ledger, as classpath resources. */
    public static final List<String> DEFAULT_RESOURCES = List.of("rulesets/QHD-2018.json");
    /** The id of the default rule set. */
    public static final String QHD_2018 = "QHD-2018";

    private final List<RuleSet> versions;

    private RuleSets(List<RuleSet> versions) {
        this.versions = List.copyOf(versions);
    }

    public static RuleSets of(RuleSet... sets) {
        RuleSets catalogue = new RuleSets(List.of());
        for (RuleSet set : sets) {
            catalogue = catalogue.with(set);
        }
        return catalogue;
    }

    /** The rule sets shipped with the ledger ({@link #DEFAULT_RESOURCES}), read with {@code mapper}. */
    public static RuleSets defaults(ObjectMapper mapper) {
        RuleSets catalogue = new RuleSets(List.of());
        for (String resource : DEFAULT_RESOURCES) {
            catalogue = catalogue.with(read(mapper, resource));
        }
        return catalogue;
    }

    /** One rule set from a classpath resource. */
    public static RuleSet read(ObjectMapper mapper, String resource) {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule set resource not found: " + resource);
            }
            return fromTree(mapper, mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule set " + resource, e);
        }
    }

    /**
     * A rule set from its JSON tree. Refuses any fractional number first (Jackson would otherwise truncate 1.5 to a
     * count of 1): a rule set is integers only, like every JSON value the ledger keeps.
     *
     * @throws IllegalArgumentException when the tree holds a fractional number or is not a valid rule set
     */
    public static RuleSet fromTree(ObjectMapper mapper, JsonNode tree) {
        requireIntegers(tree, "");
        try {
            return mapper.treeToValue(tree, RuleSet.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("not a valid rule set: " + cause.getMessage(), e);
        }
    }

    private static void requireIntegers(JsonNode node, String path) {
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw new IllegalArgumentException(path + " must be an integer: a rule set holds no fractional numbers "
                    + "(give a share as numerator and denominator)");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> requireIntegers(field.getValue(), path + "." + field.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireIntegers(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** A catalogue with one more version; refuses a second rule set with the same id and version. */
    public RuleSets with(RuleSet set) {
        if (find(set.id(), set.version()).isPresent()) {
            throw new IllegalArgumentException("rule set " + set.reference() + " exists already");
        }
        List<RuleSet> all = new ArrayList<>(versions);
        all.add(set);
        return new RuleSets(all);
    }

    /** The rule set in force on {@code date}: the latest {@code effectiveFrom} on or before it. */
    public Optional<RuleSet> inForce(LocalDate date) {
        RuleSet found = null;
        for (RuleSet set : versions) {
            if (set.effectiveFrom().isAfter(date)) {
                continue;
            }
            if (found == null || set.effectiveFrom().isAfter(found.effectiveFrom())
                    || (set.effectiveFrom().equals(found.effectiveFrom()) && set.version() >= found.version())) {
                found = set;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<RuleSet> find(String id, int version) {
        return versions.stream().filter(set -> set.id().equals(id) && set.version() == version).findFirst();
    }

    /** Every version, by effectiveFrom then version. */
    public List<RuleSet> all() {
        return versions.stream()
                .sorted(Comparator.comparing(RuleSet::effectiveFrom).thenComparingInt(RuleSet::version))
                .toList();
    }
}
