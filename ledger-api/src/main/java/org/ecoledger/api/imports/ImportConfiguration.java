package org.ecoledger.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.entries.EntryCommands;
import org.ecoledger.api.http.writes.BatchWriter;
import org.ecoledger.core.store.RecordVerifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/** The import's pieces: jobs in the store, the runner and its worker, uploaded files under the data directory. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class ImportConfiguration {

    /** The folder of uploaded files under {@code LEDGER_DATA_DIR}. */
    public static final String DIRECTORY = "imports";

    @Bean
    ImportJobs importJobs(MongoDatabase database, Clock ledgerClock) {
        return new ImportJobs(database, ledgerClock);
    }

    @Bean(destroyMethod = "close")
    ImportRunner importRunner(ImportJobs jobs, EntryCommands entryCommands, ObjectMapper mapper, BatchWriter writer,
                              RecordVerifier recordVerifier, Clock ledgerClock, LedgerProperties properties) {
        Path directory = properties.dataDir().resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            // Files left by a process that stopped mid-import: their imports show as interrupted, and are redone
            // by uploading the file again.
            try (Stream<Path> left = Files.list(directory)) {
                for (Path file : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the import folder " + directory, e);
        }
        return new ImportRunner(jobs, new RowCommands(entryCommands, mapper),
                                Map.of(ImportFormat.CSV, new CsvRowReader(), ImportFormat.NDJSON,
                                       new NdjsonRowReader(mapper), ImportFormat.XLSX, new XlsxRowReader()),
                                writer, recordVerifier, ledgerClock, directory);
    }
}
