package org.ecoledger.bench;

import java.util.List;

/**
 * The sizes a run measures at. The quick run keeps every scenario but at smaller store sizes, so it fits in a few
 * minutes on every change; the full run measures at the sizes the targets name.
 */
public enum Mode {

    QUICK(List.of(new Size("10k", 10_000), new Size("100k", 100_000)), 1_000, 20, 10_000),
    FULL(List.of(new Size("10k", 10_000), new Size("100k", 100_000), new Size("1m", 1_000_000)), 5_000, 40, 100_000);

    private final List<Size> storeSizes;
    private final int appendsPerRound;
    private final int peerAppendsPerRound;
    private final long peerMaxEvents;

    Mode(List<Size> storeSizes, int appendsPerRound, int peerAppendsPerRound, long peerMaxEvents) {
        this.storeSizes = storeSizes;
        this.appendsPerRound = appendsPerRound;
        this.peerAppendsPerRound = peerAppendsPerRound;
        this.peerMaxEvents = peerMaxEvents;
    }

    /**
     * The largest store size the peer is measured at: it scans its collection on every command (about 10 s a
     * command at 100k here), so the quick run measures it at 10k only and the full run up to 100k.
     */
    public long peerMaxEvents() {
        return peerMaxEvents;
    }

    /** The store sizes at which rates are measured, each with the suffix its metric carries. */
    public List<Size> storeSizes() {
        return storeSizes;
    }

    public int appendsPerRound() {
        return appendsPerRound;
    }

    public int peerAppendsPerRound() {
        return peerAppendsPerRound;
    }

    public String id() {
        return name().toLowerCase();
    }

    /** A store size and the suffix of the metrics measured at it. */
    public record Size(String label, long events) {
    }
}
