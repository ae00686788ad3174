package org.ecoledger.api.messaging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.api.LedgerProperties;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerGenesis;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Axon on the ledger's own event store: the {@link LedgerEventStorageEngine} (Axon's auto-configuration wraps it in
 * an embedded event store), processor tokens in MongoDB through axon-mongo's {@link MongoTokenStore} so that several
 * application nodes share processor segments, and the ledger's genesis checked at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    /** How long a node may hold a processor segment without extending its claim before another node takes it. */
    public static final Duration TOKEN_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How often a node looks for processor segments nobody holds (Axon's default is 5 s). With it, the segments of a
     * node that died are taken over by another within {@link #TOKEN_CLAIM_TIMEOUT} plus this of its last claim
     * (a holding node extends its claims at least every second); each look reads the few token documents of one
     * processor.
     */
    public static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(1);

    /** The settings of every tracking processor of the application: one thread, this batch size, the claim interval. */
    public static TrackingEventProcessorConfiguration processorSettings(int batchSize) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Bean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    /** Creates the collections' indexes and the genesis on first start; refuses a switch of hash algorithm. */
    @Bean
    LedgerGenesis ledgerGenesis(MongoDatabase mongoDatabase, LedgerProperties properties, Clock ledgerClock) {
        LedgerGenesis genesis = LedgerSchema.ensure(mongoDatabase, HashAlgorithm.fromId(properties.hashAlgorithm()),
                                                    ledgerClock);
        log.info("Ledger created {} with hash algorithm {} (storage scheme {})", genesis.createdAt(),
                 genesis.hashAlgorithm().id(), genesis.scheme());
        return genesis;
    }

    /**
     * Snapshots hold an aggregate's private state, so they are written field by field (not through getters), as
     * readable JSON like the events. A snapshot is derived data: it is never hashed and can always be rebuilt.
     */
    static JacksonSerializer snapshotSerializer() {
        ObjectMapper mapper = JsonMapper.builder()
                                        .addModule(new JavaTimeModule())
                                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                                        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                                        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                                        .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase mongoDatabase, KeyedReads keyedReads,
                                          StoreDurability storeDurability,
                                          LedgerGenesis ledgerGenesis,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axonConfiguration) {
        return LedgerEventStorageEngine.builder()
                                       .database(mongoDatabase)
                                       .keyedReads(keyedReads)
                                       .durability(storeDurability)
                                       .hashAlgorithm(ledgerGenesis.hashAlgorithm())
                                       .eventSerializer(eventSerializer)
                                       .snapshotSerializer(snapshotSerializer())
                                       .upcasterChain(axonConfiguration.upcasterChain())
                                       .build();
    }

    /** Verifies a record from its stored documents alone. */
    @Bean
    RecordVerifier recordVerifier(KeyedReads keyedReads, LedgerGenesis ledgerGenesis) {
        return new RecordVerifier(keyedReads, ledgerGenesis.hashAlgorithm());
    }

    @Bean
    TokenStore tokenStore(MongoDatabase mongoDatabase, Serializer serializer) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoDatabase).build())
                              .serializer(serializer)
                              .claimTimeout(TOKEN_CLAIM_TIMEOUT)
                              .build();
    }
}
