package org.ecoledger.core.rules.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 规则集目录 (the rule sets a ledger knows, every version): answers "which rule set was in force on date D?".
 *
 * <p>{@link #inForce(LocalDate)} is the version with the latest {@code effectiveFrom} on or before D (a tie goes to
 * the higher version, then the later added). A period is judged by the set in force on its first day, so adding a
 * version never re-judges the past: every period that began before the new version's {@code effectiveFrom} keeps its
 * judgement. A version once added cannot be replaced (same id and version again is refused).
 *
 * <p>Immutable, so it is also a fixed {@link RuleSetCatalogue}; {@link #with(RuleSet)} returns a new catalogue. The
 * default catalogue holds QHD-2018 from {@code rulesets/QHD-2018.json}; the mapper is injected (it needs Java time
 * support), as core never builds one.
 */
public final class RuleSets implements RuleSetCatalogue {

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
        return fromTree(mapper, resourceTree(mapper, resource));
    }

    /** A rule set resource's JSON as shipped (e.g. to show it as published). */
    public static JsonNode resourceTree(ObjectMapper mapper, String resource) {
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule set resource not found: " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule set " + resource, e);
        }
    }

    /**
     * A rule set from its JSON tree, checked as it is read: every field of the records, no unknown field (with a
     * mapper that fails on them, as Jackson's default does), no fractional number (Jackson would otherwise truncate
     * 1.5 to a count of 1: a rule set is integers only, like every JSON value the ledger keeps).
     *
     * @throws InvalidRuleSetException naming the offending field's path (e.g. {@code duties[3].minimum.count}) and
     *                                 what is wrong with it
     */
    public static RuleSet fromTree(ObjectMapper mapper, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidRuleSetException("", "a rule set is a JSON object");
        }
        requireIntegers(tree, "");
        try {
            return mapper.treeToValue(tree, RuleSet.class);
        } catch (JsonMappingException e) {
            String path = path(e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause();
                 cause = cause.getCause()) {
                if (cause instanceof InvalidRuleSetException invalid) {
                    throw invalid.within(path);
                }
            }
            throw new InvalidRuleSetException(path, describe(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleSetException("", "cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the document Jackson failed: {@code duties[3].minimum}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value at the failing place must look like, from Jackson's exception types (never its message). */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of a rule set here; the fields are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        Class<?> type = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (type == null) {
            return "cannot be read: " + e.getOriginalMessage();
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static void requireIntegers(JsonNode node, String path) {
        if (node.isNumber() && !node.isIntegralNumber()) {
            throw new InvalidRuleSetException(path, "must be an integer: a rule set holds no fractional numbers "
                    + "(give a share as numerator and denominator)");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> requireIntegers(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
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

    /** This catalogue: it is fixed. */
    @Override
    public RuleSets current() {
        return this;
    }

    /** Every version, by effectiveFrom then version. */
    public List<RuleSet> all() {
        return versions.stream()
                .sorted(Comparator.comparing(RuleSet::effectiveFrom).thenComparingInt(RuleSet::version))
                .toList();
    }
}
