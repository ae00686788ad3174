package org.ecoledger.core.testing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.ecoledger.core.casefile.CaseFile;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.reference.Department;
import org.ecoledger.core.reference.Jurisdiction;

/**
 * The ledger's four aggregates on a real {@link EventStore}, wired as the application wires them: per aggregate an
 * {@link EventSourcingRepository} and an {@link AggregateAnnotationCommandHandler} on one {@link SimpleCommandBus},
 * with the resources (calendar, directory) injected into the handlers. For tests that need several aggregates on
 * one store, where {@code AggregateTestFixture} (one aggregate, no store) does not reach.
 */
public final class LedgerWiring {

    private static final List<Class<?>> AGGREGATES =
            List.of(OfficialRecord.class, CaseFile.class, Jurisdiction.class, Department.class);

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

    private LedgerWiring(EventStore eventStore, List<Object> resources) {
        for (Class<?> type : AGGREGATES) {
            subscribe(type, eventStore, resources);
        }
    }

    /** The aggregates on {@code eventStore}, with {@code resources} injectable into their handlers. */
    public static LedgerWiring on(EventStore eventStore, Object... resources) {
        return new LedgerWiring(eventStore, List.of(resources));
    }

    private <A> void subscribe(Class<A> type, EventStore eventStore, List<Object> resources) {
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                new SimpleResourceParameterResolverFactory(resources),
                ClasspathParameterResolverFactory.forClass(type));
        EventSourcingRepository<A> repository = EventSourcingRepository.builder(type)
                .eventStore(eventStore)
                .parameterResolverFactory(resolvers)
                .build();
        AggregateAnnotationCommandHandler.<A>builder()
                .aggregateType(type)
                .repository(repository)
                .parameterResolverFactory(resolvers)
                .build()
                .subscribe(bus);
    }

    /** Dispatches {@code command} and waits; a handler's exception is rethrown as it was thrown. */
    public void send(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult(10, TimeUnit.SECONDS);
        if (result == null) {
            throw new IllegalStateException("no result for " + command + " within 10 seconds");
        }
        if (result.isExceptional()) {
            Throwable exception = result.exceptionResult();
            if (exception instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(exception);
        }
    }
}
