package org.ecoledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ecoledger.core.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit's contract, with a committer the test controls step by step. */
class GroupCommitTest {

    /** A committer that blocks each commit until the test releases it, and reports each start. */
    private final LinkedBlockingQueue<Integer> started = new LinkedBlockingQueue<>();
    private final Semaphore release = new Semaphore(0);
    private final AtomicInteger commitsStarted = new AtomicInteger();
    private volatile boolean failNext;

    private final GroupCommit groupCommit = new GroupCommit(() -> {
        started.add(commitsStarted.incrementAndGet());
        release.acquire();
        if (failNext) {
            failNext = false;
            throw new IOException("disk full");
        }
    }, "test-group-commit");

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        release.release(100);
        groupCommit.close();
        callers.shutdownNow();
    }

    @Test
    void aCaller_waitsForACommitThatStartedAfterItsCall_notForOneAlreadyRunning() throws Exception {
        Future<?> first = callers.submit(groupCommit::awaitDurable);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo(1); // commit 1 runs, serving `first`

        Future<?> second = callers.submit(groupCommit::awaitDurable);
        awaitWaitingForNextCommit(1);
        release.release(); // commit 1 finishes: it started before `second` called
        first.get(10, TimeUnit.SECONDS);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(second).isNotDone();

        release.release(); // commit 2, which started after `second` called, finishes
        second.get(10, TimeUnit.SECONDS);
        assertThat(groupCommit.commits()).isEqualTo(2);
    }

    @Test
    void callersArrivingDuringACommit_shareTheNextCommit() throws Exception {
        Future<?> first = callers.submit(groupCommit::awaitDurable);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo(1);

        Future<?>[] waiting = new Future<?>[5];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = callers.submit(groupCommit::awaitDurable);
        }
        awaitWaitingForNextCommit(5);
        release.release(2); // commit 1, then one commit for all five
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> future : waiting) {
            future.get(10, TimeUnit.SECONDS);
        }

        assertThat(groupCommit.commits()).isEqualTo(2);
        assertThat(groupCommit.calls()).isEqualTo(6);
    }

    @Test
    void aFailedCommit_failsItsCallers_withStoreUnavailable_andTheNextCommitServesLaterCallers() throws Exception {
        failNext = true;
        Future<?> failing = callers.submit(groupCommit::awaitDurable);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
        release.release();

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreUnavailableException.class)
                .hasRootCauseMessage("disk full");

        release.release();
        CompletableFuture.runAsync(groupCommit::awaitDurable, callers).get(10, TimeUnit.SECONDS);
        assertThat(groupCommit.commits()).isEqualTo(1);
    }

    @Test
    void closing_failsWaitingCallers_andEveryLaterCall() throws Exception {
        Future<?> first = callers.submit(groupCommit::awaitDurable);
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
        Future<?> waiting = callers.submit(groupCommit::awaitDurable);
        awaitWaitingForNextCommit(1);

        CountDownLatch closed = new CountDownLatch(1);
        callers.submit(() -> {
            groupCommit.close();
            closed.countDown();
        });
        awaitClosing();
        release.release(); // let the running commit finish so close() can return
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();

        first.get(10, TimeUnit.SECONDS); // its commit finished before the close
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(groupCommit::awaitDurable).isInstanceOf(StoreUnavailableException.class);
        assertThat(commitsStarted).hasValue(1);
    }

    @Test
    void withoutCallers_nothingIsCommitted() throws Exception {
        assertThat(started.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(groupCommit.commits()).isZero();
    }

    /** Waits until close() has begun, so that the committer will not start another commit. */
    private void awaitClosing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!groupCommit.isClosed()) {
            assertThat(System.nanoTime()).as("close() called in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until {@code count} callers are blocked in awaitDurable, waiting for the next commit. */
    private void awaitWaitingForNextCommit(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groupCommit.waitingForNextCommit() < count) {
            assertThat(System.nanoTime()).as("callers waiting in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
