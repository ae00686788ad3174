package org.ecoledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The targets of the issues, each checked against the figures of the same run. A target is reported, never
 * tuned for: where one is missed, docs/benchmarks.md says what bounds it.
 */
public final class Targets {

    /** A target on one metric. */
    public record Target(String metric, String description, Predicate<Results> check) {
        public boolean holds(Results results) {
            return check.test(results);
        }
    }

    private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        atLeast("append.rate.10k", 1_000);
        atLeast("append.rate.100k", 1_000);
        atLeast("append.rate.1m", 1_000);
        atLeast("import.rate", 10_000);
        add("append.rate.growth", "100k (or 1m) rate >= 0.80 x 10k", r -> r.get("append.rate.growth") >= 0.80);
        add("append.peer.ratio.100k", "ours >= 10 x the peer", r -> r.get("append.peer.ratio.100k") >= 10);
        add("store.bytes_per_event", "<= 3 x canonical size", r -> r.get("store.bytes_per_event") <= 3);
    }

    private Targets() {
    }

    private static void atLeast(String metric, double minimum) {
        add(metric, ">= " + (long) minimum + "/s", r -> r.get(metric) >= minimum);
    }

    private static void add(String metric, String description, Predicate<Results> check) {
        TARGETS.put(metric, new Target(metric, description, check));
    }

    public static Target of(String metric) {
        return TARGETS.get(metric);
    }
}
