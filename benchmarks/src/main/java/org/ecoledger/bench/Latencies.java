package org.ecoledger.bench;

import java.util.ArrayList;
import java.util.List;

/** Latencies of requests, in milliseconds, by round: the percentile over all rounds and each round's for the spread. */
public final class Latencies {

    private final List<List<Double>> rounds = new ArrayList<>();

    /** Starts a new round; later {@link #add}s go to it. */
    public void newRound() {
        rounds.add(new ArrayList<>());
    }

    public synchronized void add(long nanos) {
        if (rounds.isEmpty()) {
            newRound();
        }
        rounds.get(rounds.size() - 1).add(nanos / 1e6);
    }

    public synchronized int count() {
        return rounds.stream().mapToInt(List::size).sum();
    }

    /** The percentile over every latency of every round. */
    public synchronized double percentile(double percentile) {
        List<Double> all = new ArrayList<>();
        rounds.forEach(all::addAll);
        return Stats.percentile(all, percentile);
    }

    /** The percentile of each round (for the spread). */
    public synchronized List<Double> perRound(double percentile) {
        return rounds.stream().filter(round -> !round.isEmpty()).map(round -> Stats.percentile(round, percentile))
                     .toList();
    }
}
