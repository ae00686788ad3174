package org.ecoledger.api.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.writes.BatchWriter;
import org.ecoledger.api.messaging.MessageSerializationConfiguration;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The demo city: its loader, its status ({@code /actuator/health} component {@code demoCity}) and the load on the
 * first start of an empty store when {@code ledger.demo-data} is on ({@code LEDGER_DEMO_DATA}; on by default on the
 * embedded store, off on a real MongoDB).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoCityConfiguration {

    @Bean
    DemoCityStatus demoCityStatus() {
        return new DemoCityStatus();
    }

    /**
     * The demo city's duties come from the rule sets shipped with the ledger: it is loaded only into an empty store,
     * where no other version can have been posted yet.
     */
    @Bean
    DemoCityLoader demoCityLoader(BatchWriter batchWriter, EventStore eventStore,
                                  EventProcessingConfiguration processing,
                                  @Qualifier(MessageSerializationConfiguration.AXON_OBJECT_MAPPER) ObjectMapper mapper,
                                  MongoDatabase mongoDatabase, DemoCityStatus status) {
        return new DemoCityLoader(batchWriter, eventStore, processing, RuleSets.defaults(mapper), mongoDatabase,
                status);
    }

    @Bean("demoCity")
    DemoCityHealthIndicator demoCityHealthIndicator(DemoCityStatus status) {
        return new DemoCityHealthIndicator(status);
    }

    @Bean
    DemoCityOnFirstStart demoCityOnFirstStart(LedgerProperties ledger, DemoProperties demo, DemoCityLoader loader,
                                              DemoCityStatus status) {
        return new DemoCityOnFirstStart(ledger, demo, loader, status);
    }
}
