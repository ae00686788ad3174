package org.ecoledger.api.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Where the demo city's load stands, for the log and {@code /actuator/health} (component {@code demoCity}). */
public final class DemoCityStatus {

    /** The stages of a load, and the ways it can end. */
    public enum State {
        /** {@code ledger.demo-data} is off: nothing is loaded. */
        DISABLED,
        /** Not yet decided (the application is starting). */
        PENDING,
        /** The store already held events: nothing is loaded. */
        SKIPPED,
        GENERATING,
        WRITING,
        /** Written; the read views and the transparency log are catching up. */
        CATCHING_UP,
        LOADED,
        FAILED
    }

    private volatile State state = State.PENDING;
    private volatile DemoCitySize size;
    private volatile DemoCity.Counts counts;
    private volatile String digest;
    private volatile String failure;
    private volatile long lag = -1;
    private final AtomicLong commandsWritten = new AtomicLong();
    private final AtomicInteger officialsWritten = new AtomicInteger();
    private final AtomicInteger recordsWritten = new AtomicInteger();

    public State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    void generating(DemoCitySize size) {
        this.size = size;
        this.state = State.GENERATING;
    }

    void writing(DemoCity city, String digest) {
        this.counts = city.counts();
        this.digest = digest;
        this.state = State.WRITING;
    }

    void failed(Throwable failure) {
        this.failure = failure.toString();
        this.state = State.FAILED;
    }

    void lag(long lag) {
        this.lag = lag;
    }

    long commandsWritten() {
        return commandsWritten.get();
    }

    int officialsWritten() {
        return officialsWritten.get();
    }

    int recordsWritten() {
        return recordsWritten.get();
    }

    void written(DemoWrite write) {
        commandsWritten.addAndGet(write.commands().size());
        recordsWritten.incrementAndGet();
        if (write.kind() == DemoWrite.Kind.OFFICIAL) {
            officialsWritten.incrementAndGet();
        }
    }

    /** The details {@code /actuator/health} shows. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state);
        if (size != null) {
            details.put("size", Map.of("counties", size.counties(), "townshipsPerCounty", size.townshipsPerCounty(),
                    "villagesPerTownship", size.villagesPerTownship(), "seed", size.seed()));
        }
        DemoCity.Counts known = counts;
        if (known != null) {
            details.put("officials", officialsWritten.get() + " / " + known.officials());
            details.put("entries", commandsWritten.get() + " / " + known.commands());
            details.put("digest", digest);
        }
        if (state == State.CATCHING_UP && lag >= 0) {
            details.put("viewsAndLogBehind", lag);
        }
        if (failure != null) {
            details.put("failure", failure);
        }
        return details;
    }
}
