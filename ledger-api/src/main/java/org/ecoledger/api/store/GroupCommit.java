package org.ecoledger.api.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: every caller of {@link #awaitDurable()} waits for one commit that <em>started
 * after</em> its call, and one committer thread serves all callers waiting at that moment with a single commit.
 *
 * <p>Callers join the open {@link Round}. The committer closes that round (a new one opens for later callers), runs
 * the commit, and then releases everybody in the closed round. Under load a commit therefore serves every caller that
 * arrived while the previous commit ran; when idle, a caller wakes the committer at once, so no timer adds latency.
 *
 * <p>If the commit fails, or the store is closed before a round's commit finished, the callers of that round get a
 * {@link StoreUnavailableException}: their writes may not be on disk and must be treated as failed.
 */
public final class GroupCommit implements StoreDurability, AutoCloseable {

    /** Makes everything written so far durable; for the embedded store, an MVStore commit. */
    @FunctionalInterface
    public interface Committer {
        void commit() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Committer committer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong callers = new AtomicLong();

    // Guarded by lock.
    private Round open = new Round();
    private boolean closed;

    public GroupCommit(Committer committer, String threadName) {
        this.committer = committer;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void awaitDurable() {
        callers.incrementAndGet();
        Round round;
        lock.lock();
        try {
            if (closed) {
                throw new StoreUnavailableException("the embedded store is closed; the write may not be durable", null);
            }
            round = open;
            round.waiters++;
            work.signal();
            boolean interrupted = false;
            while (!round.finished) {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    // The write is already in flight; leaving early would report it neither failed nor durable.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
        if (round.failure != null) {
            throw new StoreUnavailableException("the embedded store could not commit; the write may not be durable",
                    round.failure);
        }
    }

    /** How many commits this group commit has run; each served every caller waiting when it started. */
    public long commits() {
        return commits.get();
    }

    /** How many calls of {@link #awaitDurable()} there have been. */
    public long calls() {
        return callers.get();
    }

    /** Whether {@link #close()} has been called: every later {@link #awaitDurable()} fails. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** How many callers are waiting for the next commit to start (not counting those of a running commit). */
    int waitingForNextCommit() {
        lock.lock();
        try {
            return open.waiters;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Round round;
            lock.lock();
            try {
                while (open.waiters == 0 && !closed) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                round = open;
                open = new Round();
            } finally {
                lock.unlock();
            }
            Throwable failure = null;
            try {
                committer.commit();
                commits.incrementAndGet();
            } catch (Throwable e) {
                log.error("Group commit of the embedded store failed; {} waiting writer(s) get StoreUnavailableException",
                        round.waiters, e);
                failure = e;
            }
            finish(round, failure);
        }
    }

    private void finish(Round round, Throwable failure) {
        lock.lock();
        try {
            round.failure = failure;
            round.finished = true;
            done.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the committer. A commit already running finishes and releases its callers normally; callers still
     * waiting for a later commit get {@link StoreUnavailableException}, as do all later calls.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (open.waiters > 0) {
                open.failure = new IllegalStateException("the embedded store was closed before this write was committed");
            }
            open.finished = true;
            done.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The callers served by one commit. */
    private static final class Round {
        int waiters;
        boolean finished;
        Throwable failure;
    }
}
