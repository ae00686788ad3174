package org.ecoledger.api.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.api.LedgerProperties;
import org.ecoledger.core.access.AccessLog;
import org.ecoledger.core.casefile.CaseFile;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.reference.Department;
import org.ecoledger.core.reference.EventSourcedReferenceDirectory;
import org.ecoledger.core.reference.Jurisdiction;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.LedgerCalendar;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The ledger's aggregates (they live in ledger-core, which knows no Spring, so they are registered here rather than
 * annotated) and the resources their command handlers take: the calendar (clock and the ledger's zone) and the
 * reference directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class DomainConfiguration {

    /**
     * A record is snapshotted after this many events have been loaded since its last snapshot, so loading a long
     * record reads a snapshot and at most this many events.
     */
    public static final int SNAPSHOT_THRESHOLD = 50;

    /** How often a command that lost a race for a record (ConcurrencyException) is tried again. */
    public static final int COMMAND_RETRIES = 5;
    /** How long to wait before trying such a command again. */
    public static final long COMMAND_RETRY_INTERVAL_MILLIS = 20;

    /** Every aggregate of the ledger. */
    static final List<Class<?>> AGGREGATES = List.of(OfficialRecord.class, CaseFile.class, Jurisdiction.class,
                                                     Department.class, AccessLog.class);

    @Bean
    LedgerCalendar ledgerCalendar(Clock ledgerClock, LedgerProperties properties) {
        return new LedgerCalendar(ledgerClock, properties.zone());
    }

    /**
     * Answers from the reference aggregates' own events: as fresh as the store, on every node. Primary, because the
     * views' place directory answers the same questions from its read model, which may lag.
     */
    @Bean
    @Primary
    ReferenceDirectory referenceDirectory(@Lazy EventStore eventStore) {
        return new EventSourcedReferenceDirectory(eventStore);
    }

    /*
     * Axon's Spring snapshotter finds an aggregate's factory among the application's AggregateFactory beans when it
     * takes a snapshot; the ledger's aggregates are registered through the configurer, so their factories are
     * published here. They inspect the aggregate on first use, with Axon's parameter resolvers (command handlers
     * take Spring beans such as the LedgerCalendar, which only those resolvers know).
     */
    @Bean
    AggregateFactory<OfficialRecord> officialRecordFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new InspectedOnFirstUse<>(OfficialRecord.class, axon);
    }

    @Bean
    AggregateFactory<CaseFile> caseFileFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new InspectedOnFirstUse<>(CaseFile.class, axon);
    }

    @Bean
    AggregateFactory<Jurisdiction> jurisdictionFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new InspectedOnFirstUse<>(Jurisdiction.class, axon);
    }

    @Bean
    AggregateFactory<Department> departmentFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new InspectedOnFirstUse<>(Department.class, axon);
    }

    /** An aggregate factory whose aggregate model is built when first needed, once Axon is configured. */
    static final class InspectedOnFirstUse<T> implements AggregateFactory<T> {

        private final Class<T> type;
        private final ObjectProvider<org.axonframework.config.Configuration> axon;
        private volatile AggregateFactory<T> delegate;

        InspectedOnFirstUse(Class<T> type, ObjectProvider<org.axonframework.config.Configuration> axon) {
            this.type = type;
            this.axon = axon;
        }

        private AggregateFactory<T> delegate() {
            AggregateFactory<T> current = delegate;
            if (current == null) {
                org.axonframework.config.Configuration configuration = axon.getObject();
                current = new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        type, configuration.parameterResolverFactory(), configuration.handlerDefinition(type)));
                delegate = current;
            }
            return current;
        }

        @Override
        public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            return delegate().createAggregateRoot(aggregateIdentifier, firstEvent);
        }

        @Override
        public Class<T> getAggregateType() {
            return type;
        }
    }

    /**
     * Loaded records stay in memory between commands, so a command usually costs one write. Another node may have
     * appended meanwhile: the store then refuses the stale write (ConcurrencyException), the cache entry is dropped,
     * and the command gateway tries the command again on the fresh record. The {@code ledger.record-cache-size}
     * most recently used records are kept ({@link RecentRecordsCache}).
     */
    @Bean
    Cache aggregateCache(@Value("${ledger.record-cache-size:" + RecentRecordsCache.DEFAULT_CAPACITY + "}") int size) {
        return new RecentRecordsCache(size);
    }

    @Bean
    AggregateFactory<AccessLog> accessLogFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new InspectedOnFirstUse<>(AccessLog.class, axon);
    }

    @Bean
    ConfigurerModule ledgerAggregates(Cache aggregateCache) {
        return configurer -> AGGREGATES.forEach(type -> configurer.configureAggregate(
                configure(AggregateConfigurer.defaultConfiguration(type), aggregateCache)));
    }

    /** The settings every aggregate of the ledger gets, in the application and in the benchmarks alike. */
    public static <T> AggregateConfigurer<T> configure(AggregateConfigurer<T> aggregate, Cache cache) {
        return aggregate.configureCache(c -> cache)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                c.snapshotter(), SNAPSHOT_THRESHOLD));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A command that lost a race for a record ({@link ConcurrencyException} anywhere in the failure's causes: nothing
     * was appended) is tried again; every other failure is answered at once. In particular a store that is away or
     * could not confirm a write ({@code StoreUnavailableException}, the driver's exceptions) is never retried here:
     * the write may have landed, and sending the command again would append it twice. The caller gets a 503 and
     * decides (the HTTP API's {@code Idempotency-Key} makes its retry safe).
     */
    public static RetryScheduler retryScheduler(ScheduledExecutorService executor) {
        return IntervalRetryScheduler.builder()
                                     .retryExecutor(executor)
                                     .maxRetryCount(COMMAND_RETRIES)
                                     .retryInterval((int) COMMAND_RETRY_INTERVAL_MILLIS)
                                     .nonTransientFailurePredicate(failure -> !lostARace(failure))
                                     .build();
    }

    /** Whether {@code failure} or one of its causes says the command lost a race for its record. */
    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(retryScheduler(commandRetryExecutor))
                                    .build();
    }
}
