package org.ecoledger.api.store;

import java.util.concurrent.TimeUnit;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.WriteBarrierDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The store the application uses: ONE {@link MongoClient}, the {@link MongoDatabase} {@code ledger.mongodb-database},
 * the {@link StoreDurability} that says when a write is acknowledged, and the {@code store} health indicator.
 *
 * <p>Without {@code LEDGER_MONGODB_URI} the embedded store is started first (the client depends on it) and its group
 * commit is the durability; with it, no embedded server starts and the client writes with a journaled majority write
 * concern unless the URI says otherwise. Spring Boot's own Mongo auto-configuration is excluded in
 * {@code application.yml}, so nothing else tries {@code localhost:27017}.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);
    private static final String APPLICATION_NAME = "eco-ledger";

    @Bean
    MongoDatabase mongoDatabase(MongoClient mongoClient, LedgerProperties properties) {
        return mongoClient.getDatabase(properties.mongodbDatabase());
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(MongoDatabase mongoDatabase, StoreDescription storeDescription) {
        return new StoreHealthIndicator(mongoDatabase, storeDescription);
    }

    /** The embedded default: no {@code LEDGER_MONGODB_URI}. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnEmbeddedStore.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedMongoStore embeddedMongoStore(LedgerProperties properties,
                                              @Value("${ledger.embedded-sync:commit}") String sync,
                                          @Value("${ledger.embedded-cache-mb:0}") int cacheMb) {
            EmbeddedMongoStore store = EmbeddedMongoStore.start(properties.dataDir(),
                    properties.embeddedMongodbPort(), EmbeddedMongoStore.WriteAcknowledgement.APPLIED,
                    EmbeddedMongoStore.Sync.parse(sync), cacheMb);
            log.info("Embedded MongoDB-wire store on {} (file {}, page cache {} MB); connect with: mongosh \"{}\"",
                    store.hostAndPort(), store.file(), store.cacheMb(),
                    store.connectionString(properties.mongodbDatabase()));
            return store;
        }

        @Bean(destroyMethod = "close")
        MongoClient mongoClient(EmbeddedMongoStore store, LedgerProperties properties) {
            return MongoClients.create(MongoClientSettings.builder()
                    .applicationName(APPLICATION_NAME)
                    .applyConnectionString(new ConnectionString(store.connectionString(properties.mongodbDatabase())))
                    // Durability comes from the group commit (StoreDurability), not from a write concern.
                    .writeConcern(WriteConcern.ACKNOWLEDGED)
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                    .build());
        }

        /**
         * The store's own maps, read in this process ({@code ledger.embedded-direct-reads}, on by default), or the
         * driver.
         */
        @Bean
        KeyedReads keyedReads(EmbeddedMongoStore store, MongoDatabase mongoDatabase, LedgerProperties properties,
                                @Value("${ledger.embedded-direct-reads:true}") boolean direct) {
            if (!direct) {
                log.info("Commits are read through the driver (ledger.embedded-direct-reads=false)");
                return KeyedReads.overDriver(mongoDatabase);
            }
            return store.keyedReads(properties.mongodbDatabase());
        }

        @Bean
        StoreDurability storeDurability(EmbeddedMongoStore store) {
            return store.durability();
        }

        @Bean
        StoreDescription storeDescription(EmbeddedMongoStore store, LedgerProperties properties) {
            return new StoreDescription(StoreDescription.EMBEDDED, store.hostAndPort(), properties.mongodbDatabase(),
                    store.file().toString());
        }
    }

    /** A real MongoDB (a replica set in production): {@code LEDGER_MONGODB_URI} is set. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnExternalStore.class)
    static class External {

        @Bean(destroyMethod = "close")
        MongoClient mongoClient(LedgerProperties properties) {
            ConnectionString uri = new ConnectionString(properties.mongodbUri());
            MongoClientSettings.Builder settings = MongoClientSettings.builder()
                    .applicationName(APPLICATION_NAME)
                    .applyConnectionString(uri);
            if (uri.getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
            }
            MongoClientSettings built = settings.build();
            log.info("Using the MongoDB at {} (database {}, write concern {}); no embedded store is started",
                    String.join(",", uri.getHosts()), properties.mongodbDatabase(), built.getWriteConcern());
            return MongoClients.create(built);
        }

        @Bean
        KeyedReads keyedReads(MongoDatabase mongoDatabase) {
            return KeyedReads.overDriver(mongoDatabase);
        }

        /** Appends are durable by the write concern; a processor's reads wait for a barrier write. */
        @Bean
        StoreDurability storeDurability(MongoDatabase mongoDatabase) {
            return new WriteBarrierDurability(mongoDatabase);
        }

        @Bean
        StoreDescription storeDescription(LedgerProperties properties) {
            ConnectionString uri = new ConnectionString(properties.mongodbUri());
            return new StoreDescription(StoreDescription.EXTERNAL, String.join(",", uri.getHosts()),
                    properties.mongodbDatabase(), null);
        }
    }

    static final class OnEmbeddedStore extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("ledger.mongodb-uri", "");
            return uri.isBlank()
                    ? ConditionOutcome.match("ledger.mongodb-uri is not set: the embedded store is used")
                    : ConditionOutcome.noMatch("ledger.mongodb-uri is set");
        }
    }

    static final class OnExternalStore extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("ledger.mongodb-uri", "");
            return uri.isBlank()
                    ? ConditionOutcome.noMatch("ledger.mongodb-uri is not set")
                    : ConditionOutcome.match("ledger.mongodb-uri is set: " + "an external MongoDB is used");
        }
    }
}
