package org.ecoledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * Given-when-then for an aggregate, on Axon's own machinery: an in-memory event store, an
 * {@link EventSourcingRepository}, an {@link AggregateAnnotationCommandHandler} on a {@link SimpleCommandBus}, and
 * the resources (calendar, directory) injected into handlers as Axon resolves them in production.
 *
 * <p>Why not {@code AggregateTestFixture}: axon-test declares hamcrest optional, and ledger-core's test classpath does
 * not have it, so the fixture neither compiles ({@code expectException} is overloaded with a {@code Matcher}) nor runs.
 * The API mirrors the fixture's (given / when / expectEvents / expectNoEvents) so a switch is mechanical once
 * {@code org.hamcrest:hamcrest} is added as a test dependency.
 */
public final class AggregateScenario<A> {

    private final Class<A> aggregateType;
    private final List<Object> resources;

    private AggregateScenario(Class<A> aggregateType, List<Object> resources) {
        this.aggregateType = aggregateType;
        this.resources = resources;
    }

    /** A scenario for the aggregate type, with these resources injectable into its handlers. */
    public static <A> AggregateScenario<A> of(Class<A> aggregateType, Object... resources) {
        return new AggregateScenario<>(aggregateType, List.of(resources));
    }

    /** The aggregate {@code aggregateId} has these events (payloads), in order, from sequence 0. */
    public Given given(String aggregateId, Object... events) {
        return new Given(aggregateId, Arrays.asList(events));
    }

    /** No aggregate {@code aggregateId} exists yet. */
    public Given givenNothing(String aggregateId) {
        return new Given(aggregateId, List.of());
    }

    public final class Given {

        private final String aggregateId;
        private final List<Object> events;

        private Given(String aggregateId, List<Object> events) {
            this.aggregateId = aggregateId;
            this.events = events;
        }

        public Outcome when(Object command) {
            EmbeddedEventStore store = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build();
            try {
                String type = aggregateType.getSimpleName();
                List<DomainEventMessage<?>> given = new ArrayList<>();
                for (int i = 0; i < events.size(); i++) {
                    given.add(new GenericDomainEventMessage<>(type, aggregateId, i, events.get(i)));
                }
                store.publish(given);

                ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(resources),
                        ClasspathParameterResolverFactory.forClass(aggregateType));
                EventSourcingRepository<A> repository = EventSourcingRepository.builder(aggregateType)
                        .eventStore(store)
                        .parameterResolverFactory(resolvers)
                        .build();
                SimpleCommandBus bus = SimpleCommandBus.builder().build();
                AggregateAnnotationCommandHandler.<A>builder()
                        .aggregateType(aggregateType)
                        .repository(repository)
                        .parameterResolverFactory(resolvers)
                        .build()
                        .subscribe(bus);

                FutureCallback<Object, Object> callback = new FutureCallback<>();
                bus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
                CommandResultMessage<?> result = callback.getResult(10, TimeUnit.SECONDS);
                Throwable exception = result.isExceptional() ? result.exceptionResult() : null;

                List<Object> published = new ArrayList<>();
                store.readEvents(aggregateId).asStream()
                        .skip(events.size())
                        .forEach(message -> published.add(message.getPayload()));
                return new Outcome(command, published, exception);
            } finally {
                store.shutDown();
            }
        }
    }

    public static final class Outcome {

        private final Object command;
        private final List<Object> events;
        private final Throwable exception;

        private Outcome(Object command, List<Object> events, Throwable exception) {
            this.command = command;
            this.events = events;
            this.exception = exception;
        }

        /** The command succeeded and published exactly these events (compared with {@code equals}). */
        public Outcome expectEvents(Object... expected) {
            expectSuccess();
            assertThat(events).as("events published by %s", command).containsExactly(expected);
            return this;
        }

        public Outcome expectSuccess() {
            if (exception != null) {
                throw new AssertionError("expected " + command + " to succeed, but it failed", exception);
            }
            return this;
        }

        public Outcome expectNoEvents() {
            assertThat(events).as("events published by %s", command).isEmpty();
            return this;
        }

        /** The command was refused for {@code rule}, and nothing was published. */
        public Outcome expectViolation(LedgerRule rule) {
            if (!(exception instanceof RuleViolationException violation)) {
                throw new AssertionError("expected a refusal for " + rule + " of " + command + ", but got "
                        + (exception == null ? "success with " + events : exception), exception);
            }
            assertThat(violation.rule()).as("rule refusing %s (%s)", command, violation.getMessage())
                    .isEqualTo(rule);
            return expectNoEvents();
        }

        /** As {@link #expectViolation(LedgerRule)}, and the refusal names {@code field}. */
        public Outcome expectViolation(LedgerRule rule, String field) {
            expectViolation(rule);
            assertThat(((RuleViolationException) exception).field()).isEqualTo(field);
            return this;
        }

        /** The command was rejected as malformed at {@code field}, and nothing was published. */
        public Outcome expectInvalid(String field) {
            if (!(exception instanceof InvalidEntryException invalid)) {
                throw new AssertionError("expected " + command + " to be rejected as malformed, but got "
                        + (exception == null ? "success with " + events : exception), exception);
            }
            assertThat(invalid.field()).isEqualTo(field);
            return expectNoEvents();
        }

        /** Any other failure (e.g. the aggregate does not exist), for the few tests that need it. */
        public Throwable exception() {
            return exception;
        }
    }
}
