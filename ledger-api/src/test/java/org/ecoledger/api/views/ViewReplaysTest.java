package org.ecoledger.api.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.projections.ProjectionsModule;
import org.junit.jupiter.api.Test;

/** The refusals and failures of {@link ViewReplays} that a running ledger cannot be made to show on demand. */
class ViewReplaysTest {

    static final String VIEW = ProjectionsModule.OFFICIAL_RECORDS;

    static ViewReplays replaysOf(TrackingEventProcessor processor) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(VIEW, TrackingEventProcessor.class)).thenReturn(Optional.of(processor));
        return new ViewReplays(processing, Clock.systemUTC());
    }

    static TrackingEventProcessor holdingItsSegment() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of(0, mock(EventTrackerStatus.class)));
        return processor;
    }

    static void assertConflict(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(409);
            assertThat(e.problem().getType().toString()).isEqualTo("/problems/view-replay-conflict");
        });
    }

    @Test
    void aSecondReplayOfTheSameView_isRefusedWhileTheFirstIsStarting() throws Exception {
        TrackingEventProcessor processor = holdingItsSegment();
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            stopping.countDown();
            release.await();
            return null;
        }).when(processor).shutDown();
        ViewReplays replays = replaysOf(processor);
        try {
            assertThat(replays.start(VIEW).state()).isEqualTo(ViewReplays.State.STARTING);
            stopping.await();
            assertConflict(() -> replays.start(VIEW));
            assertThat(replays.find(VIEW).orElseThrow().state()).isEqualTo(ViewReplays.State.STARTING);
        } finally {
            release.countDown();
            replays.stop();
        }
    }

    @Test
    void aNodeThatDoesNotHoldTheViewsProcessor_refusesToReplayIt() {
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of());
        ViewReplays replays = replaysOf(processor);
        assertConflict(() -> replays.start(VIEW));
        assertThat(replays.find(VIEW)).isEmpty();
        replays.stop();
    }

    @Test
    void aResetThatCannotClaimTheTokens_restartsTheProcessor_andReportsTheReplayFailed() throws Exception {
        TrackingEventProcessor processor = holdingItsSegment();
        doThrow(new UnableToClaimTokenException("held by node-2")).when(processor).resetTokens();
        ViewReplays replays = replaysOf(processor);
        replays.start(VIEW);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (replays.find(VIEW).orElseThrow().state() != ViewReplays.State.FAILED) {
            assertThat(System.nanoTime()).as("the replay fails").isLessThan(deadline);
            Thread.sleep(20);
        }
        ViewReplays.ReplayView failed = replays.find(VIEW).orElseThrow();
        assertThat(failed.problem()).contains("another node took the processor");
        assertThat(failed.finishedAt()).isNotNull();
        verify(processor).shutDown();
        verify(processor).start();
        // a failed replay does not block the next one
        doAnswer(invocation -> null).when(processor).resetTokens();
        assertThat(replays.start(VIEW).state()).isIn(ViewReplays.State.STARTING, ViewReplays.State.REPLAYING,
                                                    ViewReplays.State.DONE, ViewReplays.State.ELSEWHERE);
        replays.stop();
    }

    @Test
    void onlyTheReadViewsCanBeReplayed() {
        ViewReplays replays = replaysOf(holdingItsSegment());
        assertThatThrownBy(() -> replays.start("transparency-log")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().getStatus()).isEqualTo(404));
        replays.stop();
    }
}
