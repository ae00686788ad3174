package org.ecoledger.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ecoledger.core.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;

/** The command gateway tries a command again only when it lost a race; a store failure is answered at once. */
class CommandRetryTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RetryScheduler scheduler = DomainConfiguration.retryScheduler(executor);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLostRace_isTriedAgain_upToTheLimit() throws Exception {
        AtomicInteger dispatched = new AtomicInteger();
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= DomainConfiguration.COMMAND_RETRIES; attempt++) {
            failures.add(chain(ConcurrencyException.class));
            assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("lost"), failures,
                                               dispatched::incrementAndGet)).isTrue();
        }
        failures.add(chain(ConcurrencyException.class));
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("lost"), failures,
                                           dispatched::incrementAndGet)).as("beyond the limit").isFalse();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dispatched).hasValue(DomainConfiguration.COMMAND_RETRIES);
    }

    @Test
    void aLostRace_wrappedInAnotherException_isTriedAgain() {
        RuntimeException wrapped = new CommandExecutionException("failed", new ConcurrencyException("lost"));
        assertThat(scheduler.scheduleRetry(command, wrapped, failures(wrapped), () -> { })).isTrue();
    }

    @Test
    void aStoreThatIsAway_isNotRetried_becauseTheWriteMayHaveLanded() {
        RuntimeException away = new StoreUnavailableException("away", new MongoSocketReadException(
                "reset", new ServerAddress("127.0.0.1", 27018)));
        assertThat(scheduler.scheduleRetry(command, away, failures(away), () -> { })).isFalse();
        RuntimeException driver = new MongoSocketReadException("reset", new ServerAddress("127.0.0.1", 27018));
        assertThat(scheduler.scheduleRetry(command, driver, failures(driver), () -> { })).isFalse();
    }

    @Test
    void aRecordThatExists_isNotRetried() {
        RuntimeException exists = new AggregateStreamCreationException("exists");
        assertThat(scheduler.scheduleRetry(command, exists, failures(exists), () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chain(Class<? extends Throwable> type) {
        return new Class[]{type};
    }

    private static List<Class<? extends Throwable>[]> failures(RuntimeException failure) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        failures.add(chain(failure.getClass()));
        return failures;
    }
}
