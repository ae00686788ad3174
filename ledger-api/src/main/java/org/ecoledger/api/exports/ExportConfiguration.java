package org.ecoledger.api.exports;

import java.time.Clock;

import org.ecoledger.core.store.KeyedReads;
import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.api.log.TransparencyLog;
import org.ecoledger.core.store.LedgerBackup;
import org.ecoledger.core.store.LedgerGenesis;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/** The ledger's export and restore. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class ExportConfiguration {

    @Bean
    LedgerBackup ledgerBackup(MongoDatabase database, KeyedReads keyedReads) {
        return new LedgerBackup(database, keyedReads);
    }

    @Bean
    LedgerExporter ledgerExporter(TransparencyLog transparencyLog, LedgerBackup backup, RuleSetStore ruleSets,
                                  ObjectMapper mapper, Clock ledgerClock) {
        return new LedgerExporter(transparencyLog, backup, ruleSets, mapper, ledgerClock);
    }

    @Bean
    LedgerRestorer ledgerRestorer(LedgerBackup backup, RuleSetStore ruleSets, LedgerGenesis ledgerGenesis,
                                  ObjectMapper mapper) {
        return new LedgerRestorer(backup, ruleSets, ledgerGenesis.hashAlgorithm(), mapper);
    }
}
