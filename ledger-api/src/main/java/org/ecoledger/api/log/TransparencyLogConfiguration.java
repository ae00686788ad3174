package org.ecoledger.api.log;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.messaging.EventStoreConfiguration;
import org.ecoledger.core.log.Ed25519NoteSigner;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteSigner;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.Sm2NoteSigner;
import org.ecoledger.core.logstore.CheckpointPolicy;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.logstore.LedgerAudit;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.logstore.PublishedKey;
import org.ecoledger.core.logstore.TransparencyLogWriter;
import org.ecoledger.core.store.LedgerGenesis;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.StoredEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The transparency log in the application: the writer as the single-segment tracking processor
 * {@value TransparencyLogProcessor#PROCESSING_GROUP}, the checkpointer with the log's keys (published in
 * {@code log_keys}), the scheduled checkpoints and verification runs, and the services behind {@code /api/v1/log},
 * evidence and verification runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
@EnableConfigurationProperties(LogProperties.class)
@EnableScheduling
public class TransparencyLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransparencyLogConfiguration.class);

    @Bean
    MerkleTree logTree(LedgerGenesis ledgerGenesis) {
        return new MerkleTree(ledgerGenesis.hashAlgorithm());
    }

    @Bean
    LogStore logStore(MongoDatabase mongoDatabase, KeyedReads keyedReads) {
        return new LogStore(mongoDatabase, keyedReads);
    }

    @Bean
    StoredEventLog storedEventLog(MongoDatabase mongoDatabase, KeyedReads keyedReads) {
        return new StoredEventLog(mongoDatabase, keyedReads);
    }

    @Bean
    TransparencyLogWriter transparencyLogWriter(LogStore logStore, StoredEventLog storedEventLog, MerkleTree logTree) {
        return new TransparencyLogWriter(logStore, storedEventLog, logTree);
    }

    @Bean
    TransparencyLogProcessor transparencyLogProcessor(TransparencyLogWriter transparencyLogWriter) {
        return new TransparencyLogProcessor(transparencyLogWriter);
    }

    /** One segment, one thread, batches of {@value TransparencyLogProcessor#BATCH_SIZE}; failures retry the batch. */
    @Bean
    ConfigurerModule transparencyLogProcessing(TransparencyLogProcessor processor) {
        String group = TransparencyLogProcessor.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(group, c -> c.eventStore(),
                        c -> EventStoreConfiguration.processorSettings(TransparencyLogProcessor.BATCH_SIZE)
                                                    .andInitialSegmentsCount(1))
                .registerEventHandler(c -> processor)
                .assignHandlerInstancesMatching(group, handler -> handler == processor)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }

    /** The log's signers; every key they use is published in {@code log_keys} (key rotation keeps the old ones). */
    @Bean
    Checkpointer checkpointer(LogStore logStore, MerkleTree logTree, LedgerProperties properties, Clock ledgerClock,
                              StoreDurability storeDurability) {
        List<NoteSigner> signers = LogSigningKeys.load(properties, new SecureRandom());
        for (NoteSigner signer : signers) {
            NoteVerifier verifier = signer instanceof Ed25519NoteSigner ed25519 ? ed25519.verifier()
                    : ((Sm2NoteSigner) signer).verifier();
            PublishedKey key = PublishedKey.of(verifier, ledgerClock.instant());
            logStore.publishKey(key);
            log.info("The log signs checkpoints of {} with {} key {}", properties.logOrigin(), key.type(),
                     key.verifierKey());
        }
        return new Checkpointer(logStore, logTree, properties.logOrigin(), signers, ledgerClock, storeDurability);
    }

    @Bean
    CheckpointPolicy checkpointPolicy(LogProperties logProperties) {
        return new CheckpointPolicy(logProperties.checkpointInterval(), logProperties.checkpointEntries());
    }

    @Bean
    CheckpointSchedule checkpointSchedule(Checkpointer checkpointer, CheckpointPolicy checkpointPolicy,
                                          ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        return new CheckpointSchedule(checkpointer, checkpointPolicy, eventProcessing);
    }

    @Bean
    WitnessKeys witnessKeys(LogProperties logProperties) {
        return WitnessKeys.of(logProperties.witnesses());
    }

    @Bean
    TransparencyLog transparencyLog(LogStore logStore, StoredEventLog storedEventLog, RecordVerifier recordVerifier,
                                    MerkleTree logTree, Checkpointer checkpointer, WitnessKeys witnessKeys,
                                    LogProperties logProperties, LedgerGenesis ledgerGenesis) {
        return new TransparencyLog(logStore, storedEventLog, recordVerifier, logTree, checkpointer, witnessKeys,
                                   logProperties.evidenceWait(), ledgerGenesis.hashAlgorithm());
    }

    @Bean
    LedgerAudit ledgerAudit(StoredEventLog storedEventLog, LogStore logStore, RecordVerifier recordVerifier,
                            MerkleTree logTree) {
        return new LedgerAudit(storedEventLog, logStore, recordVerifier, logTree);
    }

    @Bean(destroyMethod = "close")
    VerificationRuns verificationRuns(MongoDatabase mongoDatabase, LedgerAudit ledgerAudit, Clock ledgerClock) {
        return new VerificationRuns(mongoDatabase, ledgerAudit, ledgerClock);
    }

    @Bean
    ScheduledVerification scheduledVerification(VerificationRuns verificationRuns) {
        return new ScheduledVerification(verificationRuns);
    }

    /** {@code /actuator/health} component {@code ledgerVerification}. */
    @Bean
    LedgerVerificationHealthIndicator ledgerVerificationHealthIndicator(VerificationRuns verificationRuns) {
        return new LedgerVerificationHealthIndicator(verificationRuns);
    }
}
