package org.ecoledger.api.exports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.LedgerExport;
import org.ecoledger.core.log.LedgerExportVerifier;
import org.ecoledger.core.store.LedgerBackup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 恢复 (restore): writes a {@link LedgerExport} into an empty ledger. First the whole file is verified
 * ({@link LedgerExportVerifier}, against the keys the file lists: every chain, the Merkle root, the checkpoint's
 * signature); nothing is written unless it is valid, the ledger is empty and uses the export's hash algorithm. Then
 * the entries are written back as the commit documents they were stored in, verbatim (same global indexes,
 * sequences and hashes), and the rule sets beside them. The application's log writer and read views then catch up
 * from the restored events by themselves, and the log reaches the export's root at the export's tree size.
 */
public class LedgerRestorer {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestorer.class);

    /** What was restored. */
    public record Restored(long entries, long commits, long records, long ruleSets, long treeSize, String rootHash,
                           String signedBy) {
    }

    private final LedgerBackup backup;
    private final RuleSetStore ruleSets;
    private final HashAlgorithm algorithm;
    private final ObjectMapper mapper;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public LedgerRestorer(LedgerBackup backup, RuleSetStore ruleSets, HashAlgorithm algorithm, ObjectMapper mapper) {
        this.backup = backup;
        this.ruleSets = ruleSets;
        this.algorithm = algorithm;
        this.mapper = mapper;
    }

    /**
     * Restores the export in {@code file}.
     *
     * @throws ApiException 409 {@code ledger-not-empty} when the ledger holds events; 400 when the file is not a valid
     *                      export of a ledger with this hash algorithm
     */
    public Restored restore(Path file) throws IOException {
        if (!oneAtATime.tryLock()) {
            throw new ApiException(Problems.of(ProblemType.LEDGER_NOT_EMPTY, "Another restore is running"));
        }
        try {
            requireEmpty();
            LedgerExportVerifier.Result verified;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                verified = new LedgerExportVerifier(List.of(), mapper).verify(lines);
            }
            if (!verified.valid()) {
                throw ApiException.badField("file", "is not a valid ledger export: " + verified.describe());
            }
            JsonNode header;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                header = mapper.readTree(lines.readLine());
            }
            if (!algorithm.id().equals(header.path("hashAlgorithm").asText())) {
                throw ApiException.badField("file", "is an export of a ledger hashed with "
                        + header.path("hashAlgorithm").asText() + "; this ledger uses " + algorithm.id()
                        + " (start the empty ledger with LEDGER_HASH_ALGORITHM=" + header.path("hashAlgorithm").asText()
                        + ")");
            }
            requireEmpty();
            return write(file, verified);
        } finally {
            oneAtATime.unlock();
        }
    }

    private void requireEmpty() {
        if (!backup.empty()) {
            throw new ApiException(Problems.of(ProblemType.LEDGER_NOT_EMPTY, "This ledger already holds events; a "
                    + "ledger export is restored only into an empty ledger (a new data directory or database)"));
        }
    }

    private Restored write(Path file, LedgerExportVerifier.Result verified) throws IOException {
        long entries = 0;
        long commits = 0;
        long restoredRuleSets = 0;
        List<StoredEntry> commit = new ArrayList<>();
        long commitStart = -1;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.readLine(); // the header, verified
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = mapper.readTree(text);
                String kind = line.path(LedgerExport.KIND).asText();
                if (LedgerExport.ENTRY.equals(kind)) {
                    LedgerExport.Entry entry = LedgerExport.parseEntry(line);
                    if (entry.commit() != commitStart && !commit.isEmpty()) {
                        backup.restore(commitStart, commit);
                        commits++;
                        commit.clear();
                    }
                    commitStart = entry.commit();
                    commit.add(entry.stored());
                    entries++;
                } else if (LedgerExport.RULE_SET.equals(kind)) {
                    ruleSets.restore(new RuleSetStore.StoredRuleSet(line.path("id").asText(),
                            line.path("version").asLong(), LocalDate.parse(line.path("effectiveFrom").asText()),
                            line.path("postedBy").asText(), line.path("postedAt").asText(),
                            (ObjectNode) line.path("ruleSet")));
                    restoredRuleSets++;
                }
            }
        }
        if (!commit.isEmpty()) {
            backup.restore(commitStart, commit);
            commits++;
        }
        backup.moveHeadHint(entries);
        log.info("Restored a ledger export: {} entries in {} commits of {} records, {} rule sets; its log of {} "
                         + "leaves has root {} (signed by {})", entries, commits, verified.records(),
                 restoredRuleSets, verified.treeSize(), verified.rootHash(), verified.signedBy());
        return new Restored(entries, commits, verified.records(), restoredRuleSets, verified.treeSize(),
                            verified.rootHash(), verified.signedBy());
    }
}
