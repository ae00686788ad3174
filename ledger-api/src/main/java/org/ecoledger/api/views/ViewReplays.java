package org.ecoledger.api.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.messaging.EventStoreConfiguration;
import org.ecoledger.projections.ProjectionsModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * 视图重建 (rebuilding a read view by replay): an ADMIN asks for one view to be rebuilt; its tracking processor is
 * stopped on this node, its tokens reset as Axon resets them (the projection's {@code @ResetHandler} clears its
 * collections, and the token becomes a replay token at the start of the log), and started again, so it reads the
 * whole log once more. The work runs in the background; its progress (events done of the log's length when the
 * replay started, the rate, the time left) is read from the processor and logged every {@link #LOG_EVERY}.
 *
 * <p>A view's processor has one segment, claimed by one node at a time through the token store. A replay is started
 * on the node that holds it: if another node does, the request is refused (that node's {@code /actuator/health}
 * names it in the {@code processors} component), and if another node takes the released claim while the tokens are
 * being reset, the reset fails, the processor is started again as it was, and the replay is reported failed. A
 * replay survives a restart (the replay token is stored); a node that did not start it still reports its position.
 */
@Component
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class ViewReplays {

    private static final Logger log = LoggerFactory.getLogger(ViewReplays.class);

    /** How often a running replay's progress is logged. */
    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    /** How often the background task looks at a replaying processor. */
    static final Duration POLL = Duration.ofMillis(200);

    /**
     * How long the restarted processor may go without holding its segment before the replay is taken to go on
     * elsewhere: a node that is alive extends its claims within the claim timeout.
     */
    static final Duration UNCLAIMED_LIMIT = EventStoreConfiguration.TOKEN_CLAIM_TIMEOUT.plusSeconds(5);

    /** The views that can be replayed: the processors of the read views (not the transparency log). */
    public static final Set<String> VIEWS = ProjectionsModule.HANDLER_CLASSES.keySet();

    /** Where a replay stands. */
    public enum State {
        /** Accepted: the processor is being stopped and its tokens reset. */
        STARTING,
        /** The processor is reading the log again. */
        REPLAYING,
        /** The processor has passed the position the log had when the replay started. */
        DONE,
        /** The processor's segment is now held by another node, which carries the replay on. */
        ELSEWHERE,
        /** The replay could not be started or the processor failed; {@code problem} says why. */
        FAILED
    }

    /**
     * A replay's progress: {@code done} of {@code total} events (the log's length when it started), {@code rate} in
     * events per second since it started, {@code secondsLeft} at that rate.
     */
    public record ReplayView(String view, State state, Instant startedAt, Instant finishedAt, long done, long total,
                             Double rate, Long secondsLeft, String problem) {
    }

    /** One replay started on this node. */
    private static final class Replay {
        final String view;
        final Instant startedAt;
        final long startedNanos;
        volatile State state = State.STARTING;
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile long done;
        volatile long total = -1;
        volatile String problem;

        Replay(String view, Instant startedAt, long startedNanos) {
            this.view = view;
            this.startedAt = startedAt;
            this.startedNanos = startedNanos;
        }

        boolean running() {
            return state == State.STARTING || state == State.REPLAYING;
        }
    }

    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "view-replay");
        thread.setDaemon(true);
        return thread;
    });

    public ViewReplays(EventProcessingConfiguration processing, Clock ledgerClock) {
        this.processing = processing;
        this.clock = ledgerClock;
    }

    /**
     * Starts a replay of {@code view}.
     *
     * @throws ApiException 404 for an unknown view; 409 when a replay of it is already running here or another
     *                      node holds its processor
     */
    public synchronized ReplayView start(String view) {
        TrackingEventProcessor processor = processor(view);
        Replay current = replays.get(view);
        if (current != null && current.running()) {
            throw ApiException.conflict(ProblemType.VIEW_REPLAY_CONFLICT, "view " + view
                    + " is already being replayed (started " + current.startedAt + ")");
        }
        if (processor.isRunning() && processor.processingStatus().isEmpty()) {
            throw ApiException.conflict(ProblemType.VIEW_REPLAY_CONFLICT, "this node does not hold the processor of "
                    + "view " + view + " (another node does, or this node has just started and not claimed it yet): "
                    + "start the replay on the node whose /actuator/health shows it with segmentsHeldHere 1");
        }
        Replay replay = new Replay(view, clock.instant(), System.nanoTime());
        replays.put(view, replay);
        worker.execute(() -> run(processor, replay));
        return view(replay);
    }

    /** The latest replay of {@code view} on this node, or the position of one this node carries on. */
    public Optional<ReplayView> find(String view) {
        TrackingEventProcessor processor = processor(view);
        Replay replay = replays.get(view);
        if (replay != null) {
            return Optional.of(view(replay));
        }
        return processor.processingStatus().values().stream().filter(EventTrackerStatus::isReplaying).findFirst()
                        .map(status -> new ReplayView(view, State.REPLAYING, null, null, done(status),
                                                      total(status), null, null, null));
    }

    private void run(TrackingEventProcessor processor, Replay replay) {
        try {
            log.info("Replaying view {}: stopping its processor and resetting its tokens", replay.view);
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException e) {
                fail(replay, "another node took the processor of view " + replay.view + " while it was being reset: "
                        + "start the replay on that node");
                return;
            } finally {
                processor.start();
            }
            replay.state = State.REPLAYING;
            follow(processor, replay);
        } catch (RuntimeException e) {
            log.error("The replay of view {} failed", replay.view, e);
            fail(replay, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(replay, "interrupted: the application is stopping");
        }
    }

    /** Follows the processor until it has passed the position the log had at the reset. */
    private void follow(TrackingEventProcessor processor, Replay replay) throws InterruptedException {
        long nextLog = System.nanoTime() + LOG_EVERY.toNanos();
        long unclaimedSince = System.nanoTime();
        while (true) {
            if (processor.isError()) {
                fail(replay, "the processor of view " + replay.view + " is in error (see the log); it retries on its "
                        + "own and carries the replay on");
                return;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty() && !processor.isRunning()) {
                fail(replay, "the processor of view " + replay.view + " stopped");
                return;
            }
            if (status.isEmpty()) {
                // not claimed yet just after the start, or claimed by another node since
                if (replay.total >= 0 || System.nanoTime() - unclaimedSince > UNCLAIMED_LIMIT.toNanos()) {
                    replay.state = State.ELSEWHERE;
                    log.info("View {}: another node now holds its processor and carries the replay on", replay.view);
                    return;
                }
            } else {
                unclaimedSince = System.nanoTime();
                EventTrackerStatus segment = status.values().iterator().next();
                replay.done = done(segment);
                if (segment.isReplaying()) {
                    replay.total = total(segment);
                }
                // Axon's replay token stays a replay token until an event after the reset position arrives: the
                // replay is over once the position the log had at the reset has been handled.
                boolean passed = segment.isReplaying() ? replay.total >= 0 && replay.done >= replay.total
                        : segment.getTrackingToken() != null;
                if (passed) {
                    replay.total = Math.max(replay.total, replay.done);
                    replay.done = replay.total;
                    replay.finishedAt = clock.instant();
                    replay.finishedNanos = System.nanoTime();
                    replay.state = State.DONE;
                    ReplayView done = view(replay);
                    log.info("View {} replayed: {} events in {} s ({} events/s)", replay.view, done.done(),
                             Duration.between(done.startedAt(), done.finishedAt()).toSeconds(),
                             done.rate() == null ? "-" : String.format("%.1f", done.rate()));
                    return;
                }
            }
            if (System.nanoTime() >= nextLog) {
                ReplayView now = view(replay);
                log.info("Replaying view {}: {} of {} events ({} /s, about {} s left)", replay.view, now.done(),
                         now.total() < 0 ? "?" : now.total(),
                         now.rate() == null ? "-" : String.format("%.1f", now.rate()),
                         now.secondsLeft() == null ? "?" : now.secondsLeft());
                nextLog = System.nanoTime() + LOG_EVERY.toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void fail(Replay replay, String problem) {
        replay.problem = problem;
        replay.finishedAt = clock.instant();
        replay.finishedNanos = System.nanoTime();
        replay.state = State.FAILED;
        log.warn("The replay of view {} failed: {}", replay.view, problem);
    }

    private static ReplayView view(Replay replay) {
        long end = replay.finishedAt != null ? replay.finishedNanos : System.nanoTime();
        double seconds = (end - replay.startedNanos) / 1e9;
        Double rate = replay.done > 0 && seconds > 0 ? replay.done / seconds : null;
        Long left = null;
        if (replay.state == State.REPLAYING && rate != null && replay.total >= 0) {
            left = Math.round(Math.max(0, replay.total - replay.done) / rate);
        } else if (replay.state == State.DONE) {
            left = 0L;
        }
        return new ReplayView(replay.view, replay.state, replay.startedAt, replay.finishedAt, replay.done,
                              replay.total, rate, left, replay.problem);
    }

    /** Events handled: the position reached plus one (positions count from 0). */
    private static long done(EventTrackerStatus status) {
        return position(status.getTrackingToken()) + 1;
    }

    /** The events to replay: the position the log had at the reset plus one. */
    private static long total(EventTrackerStatus status) {
        return status.getResetPosition().isPresent() ? status.getResetPosition().getAsLong() + 1 : -1;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private TrackingEventProcessor processor(String view) {
        if (!VIEWS.contains(view)) {
            throw ApiException.notFound("no view " + view + " (the views are " + String.join(", ",
                    VIEWS.stream().sorted().toList()) + ")");
        }
        return processing.eventProcessor(view, TrackingEventProcessor.class).orElseThrow(
                () -> ApiException.notFound("view " + view + " has no tracking processor on this node"));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
