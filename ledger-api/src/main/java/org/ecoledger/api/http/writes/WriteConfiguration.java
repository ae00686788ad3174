package org.ecoledger.api.http.writes;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The writer and the correlation data that carries a request's id from its command into the stored event. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class WriteConfiguration {

    /**
     * Copies {@value LedgerWriter#REQUEST_ID} (and an imported row's {@value LedgerWriter#IMPORT_KEY}) from a
     * command's metadata into its events' metadata.
     */
    @Bean
    CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerWriter.REQUEST_ID, LedgerWriter.IMPORT_KEY);
    }

    /** Axon's default (correlation and trace ids); declared because defining a provider replaces the default. */
    @Bean
    CorrelationDataProvider axonMessageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    LedgerWriter ledgerWriter(CommandGateway commandGateway, EventStore eventStore, RecordVerifier recordVerifier,
                              StoreDurability storeDurability) {
        return new LedgerWriter(commandGateway, eventStore, recordVerifier, storeDurability);
    }

    /** Batches write to officials' records; the repository is looked up on first use, once Axon is configured. */
    @Bean
    BatchWriter batchWriter(CommandBus commandBus, EventStore eventStore, RecordVerifier recordVerifier,
                            ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new BatchWriter(commandBus, eventStore, recordVerifier,
                               () -> axon.getObject().repository(OfficialRecord.class));
    }
}
