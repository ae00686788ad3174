package org.ecoledger.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.api.http.rulesets.PostedRuleSets;
import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.api.messaging.EventStoreConfiguration;
import org.ecoledger.api.messaging.MessageSerializationConfiguration;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.ruleset.RuleSetCatalogue;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.projections.ProjectionsModule;
import org.ecoledger.projections.asof.EventStoreRecordSource;
import org.ecoledger.projections.cases.InspectionCaseStore;
import org.ecoledger.projections.compliance.ComplianceService;
import org.ecoledger.projections.dossier.DossierService;
import org.ecoledger.projections.places.PlaceDirectory;
import org.ecoledger.projections.record.OfficialRecordStore;
import org.ecoledger.projections.record.RecordHeadLookup;
import org.ecoledger.projections.review.PromotionReviewService;
import org.ecoledger.projections.search.OfficialSearch;
import org.ecoledger.projections.store.KeyLookups;
import org.ecoledger.projections.tracing.ResponsibleService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read views: each projection of {@link ProjectionsModule} runs as a tracking processor of its own (one
 * segment, its token claimed in the shared token store, so one node at a time builds it and another takes over when
 * it stops), and the services that answer the views read what they wrote.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class ViewsConfiguration {

    /** Events a projection handles in one transaction of its processor. */
    public static final int PROJECTION_BATCH_SIZE = 100;

    /** The views' reads by key, as the ledger's own ({@link KeyedReads}: the store's maps on the embedded default). */
    @Bean
    KeyLookups viewLookups(KeyedReads keyedReads) {
        return new KeyLookups(keyedReads);
    }

    @Bean
    ConfigurerModule ledgerProjections(MongoDatabase mongoDatabase, KeyLookups viewLookups) {
        return configurer -> {
            List<Object> handlers = ProjectionsModule.handlers(mongoDatabase, viewLookups);
            for (Map.Entry<String, Class<?>> group : ProjectionsModule.HANDLER_CLASSES.entrySet()) {
                configurer.eventProcessing()
                          .registerTrackingEventProcessor(
                                  group.getKey(), c -> c.eventStore(),
                                  c -> EventStoreConfiguration.processorSettings(PROJECTION_BATCH_SIZE))
                          .assignHandlerTypesMatching(group.getKey(), type -> type.equals(group.getValue()));
            }
            handlers.forEach(handler -> configurer.eventProcessing().registerEventHandler(c -> handler));
        };
    }

    /** The rule sets the views judge with: the built-in ones and every version posted (by any node). */
    @Bean
    PostedRuleSets ruleSets(RuleSetStore store,
                            @Qualifier(MessageSerializationConfiguration.AXON_OBJECT_MAPPER) ObjectMapper mapper) {
        return new PostedRuleSets(store, mapper);
    }

    @Bean
    OfficialRecordStore officialRecordStore(KeyLookups viewLookups) {
        return new OfficialRecordStore(viewLookups);
    }

    @Bean
    EventStoreRecordSource eventStoreRecordSource(@Lazy EventStore eventStore) {
        return new EventStoreRecordSource(eventStore);
    }

    @Bean
    PlaceDirectory placeDirectory(KeyLookups viewLookups) {
        return new PlaceDirectory(viewLookups);
    }

    @Bean
    InspectionCaseStore inspectionCaseStore(KeyLookups viewLookups) {
        return new InspectionCaseStore(viewLookups);
    }

    @Bean
    DossierService dossierService(OfficialRecordStore current, EventStoreRecordSource history, PlaceDirectory places,
                                  InspectionCaseStore cases, RuleSetCatalogue ruleSets, LedgerCalendar calendar) {
        return new DossierService(current, history, places, cases, ruleSets, calendar);
    }

    @Bean
    PromotionReviewService promotionReviewService(EventStoreRecordSource history, PlaceDirectory places,
                                                  RuleSetCatalogue ruleSets, LedgerCalendar calendar) {
        return new PromotionReviewService(history, places, ruleSets, calendar);
    }

    @Bean
    ResponsibleService responsibleService(PlaceDirectory places, OfficialRecordStore records) {
        return new ResponsibleService(places, records);
    }

    @Bean
    ComplianceService complianceService(PlaceDirectory places, OfficialRecordStore records,
                                        RuleSetCatalogue ruleSets, LedgerCalendar calendar) {
        return new ComplianceService(places, records, ruleSets, calendar);
    }

    @Bean
    OfficialSearch officialSearch(MongoDatabase mongoDatabase, PlaceDirectory places) {
        return new OfficialSearch(mongoDatabase, places);
    }

    /**
     * The hash of an official's entry when it is the head of the chain (the views see events, not hashes): the record
     * is read from that entry on, as the application reads it, so a dossier costs a read of its record's last commit
     * or two, not of the whole record.
     */
    @Bean
    RecordHeadLookup recordHeadLookup(RecordVerifier recordVerifier) {
        return (officialId, sequence) -> {
            if (sequence < 0) {
                return Optional.empty();
            }
            List<StoredEntry> tail = recordVerifier.storedEntries(OfficialId.of(officialId).aggregateIdentifier(),
                                                                  sequence);
            if (tail.isEmpty()) {
                return Optional.empty();
            }
            StoredEntry last = tail.get(tail.size() - 1);
            return last.entry().sequence() == sequence ? Optional.of(last.storedHash()) : Optional.empty();
        };
    }
}
