package org.ecoledger.api.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.api.log.TransparencyLog;
import org.ecoledger.core.log.LedgerExport;
import org.ecoledger.core.logstore.StoredCheckpoint;
import org.ecoledger.core.store.LedgerBackup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the whole ledger as a {@link LedgerExport}: the checkpoint covering every event stored when the export
 * starts, then the entries it covers in global-index order exactly as stored, read a thousand at a time and streamed
 * out as they are read (never all in memory), then the rule sets and the trailer.
 */
public class LedgerExporter {

    private final TransparencyLog log;
    private final LedgerBackup backup;
    private final RuleSetStore ruleSets;
    private final ObjectMapper mapper;
    private final Clock clock;

    public LedgerExporter(TransparencyLog log, LedgerBackup backup, RuleSetStore ruleSets, ObjectMapper mapper,
                          Clock clock) {
        this.log = log;
        this.backup = backup;
        this.ruleSets = ruleSets;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The checkpoint an export made now covers (signed now if need be). */
    public StoredCheckpoint checkpoint() {
        return log.checkpointCoveringTheStore();
    }

    /** Writes the export of the tree of {@code checkpoint} to {@code out}. */
    public void write(StoredCheckpoint checkpoint, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<LedgerExport.Key> keys = log.keys().stream()
                                         .map(key -> new LedgerExport.Key(key.name(), key.type(), key.verifierKey()))
                                         .toList();
        long size = checkpoint.size();
        line(writer, LedgerExport.header(log.algorithm(), log.origin(), size, checkpoint.checkpoint().rootHash(),
                                         checkpoint.note(), checkpoint.cosignatures(), keys,
                                         clock.instant().toString()));
        long lines = 1;
        long next = 0;
        while (next < size) {
            List<LedgerExport.Entry> entries = backup.read(next, (int) Math.min(LedgerBackup.MAX_ENTRIES_PER_READ,
                                                                                size - next));
            if (entries.isEmpty()) {
                throw new IllegalStateException("the stored events end at " + next + ", inside the checkpoint's tree"
                                                        + " of " + size);
            }
            for (LedgerExport.Entry entry : entries) {
                line(writer, LedgerExport.entry(entry.commit(), entry.stored()));
                lines++;
                next = entry.stored().entry().globalIndex() + 1;
            }
        }
        for (RuleSetStore.StoredRuleSet ruleSet : ruleSets.all()) {
            ObjectNode line = mapper.createObjectNode().put(LedgerExport.KIND, LedgerExport.RULE_SET)
                                    .put("id", ruleSet.id()).put("version", ruleSet.version())
                                    .put("effectiveFrom", ruleSet.effectiveFrom().toString())
                                    .put("postedBy", ruleSet.postedBy()).put("postedAt", ruleSet.postedAt());
            line.set("ruleSet", ruleSet.ruleSet());
            line(writer, line);
            lines++;
        }
        line(writer, mapper.createObjectNode().put(LedgerExport.KIND, LedgerExport.END).put("entries", size)
                           .put("lines", lines + 1));
        writer.flush();
    }

    private void line(BufferedWriter writer, ObjectNode line) throws IOException {
        writer.write(mapper.writeValueAsString(line));
        writer.write('\n');
    }
}
