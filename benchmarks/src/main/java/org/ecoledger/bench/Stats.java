package org.ecoledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians, spreads and percentiles of measured rounds and latencies. */
public final class Stats {

    private Stats() {
    }

    public static double median(List<Double> values) {
        return percentile(values, 50);
    }

    public static double min(List<Double> values) {
        return Collections.min(values);
    }

    public static double max(List<Double> values) {
        return Collections.max(values);
    }

    /** The nearest-rank percentile. */
    public static double percentile(List<Double> values, double percentile) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
