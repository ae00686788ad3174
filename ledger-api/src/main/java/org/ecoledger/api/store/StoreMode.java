package org.ecoledger.api.store;

import java.util.Map;

import org.ecoledger.api.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * {@code java -jar ledger.jar --ledger.mode=store} (or {@code LEDGER_MODE=store}): only the embedded store, no web
 * server and no Axon, until stopped. Several application nodes on one machine then share it by setting
 * {@code LEDGER_MONGODB_URI} to the connection string this logs.
 *
 * <p>Remote nodes cannot drive the group commit, so this store acknowledges a write only once it is committed to the
 * file ({@link EmbeddedMongoStore.WriteAcknowledgement#DURABLE}); concurrent writes still share commits.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan must not pick it up.
 */
@EnableConfigurationProperties(LedgerProperties.class)
public class StoreMode {

    private static final Logger log = LoggerFactory.getLogger(StoreMode.class);

    /** Starts the store-only process; the context (and the JVM) stay up until the process is stopped. */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(StoreMode.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("spring.main.keep-alive", "true"))
                .run(args);
    }

    @Bean(destroyMethod = "close")
    EmbeddedMongoStore embeddedMongoStore(LedgerProperties properties,
                                          @Value("${ledger.embedded-sync:commit}") String sync,
                                          @Value("${ledger.embedded-cache-mb:0}") int cacheMb) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(properties.dataDir(), properties.embeddedMongodbPort(),
                EmbeddedMongoStore.WriteAcknowledgement.DURABLE, EmbeddedMongoStore.Sync.parse(sync), cacheMb);
        log.info("Store mode: the embedded MongoDB-wire store is serving {} on {}; each acknowledged write is "
                        + "committed to the file", store.file(), store.hostAndPort());
        log.info("Store mode: point application nodes at it with LEDGER_MONGODB_URI=mongodb://{}/ "
                        + "(mongosh \"{}\")", store.hostAndPort(), store.connectionString(properties.mongodbDatabase()));
        return store;
    }
}
