package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A ledger export of three records interleaved, verified whole, and each kind of damage found where it is. */
class LedgerExportVerifierTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int SIZE = 12;

    /** The export's lines: header, 12 entries of three records round-robin, a trailer. */
    static List<String> export(Ed25519NoteSigner signer) {
        EntryHasher hasher = new EntryHasher(HashAlgorithm.SHA_256);
        MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
        List<byte[]> leaves = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        Map<String, String> heads = new HashMap<>();
        Map<String, Long> sequences = new HashMap<>();
        for (int g = 0; g < SIZE; g++) {
            String record = "official/r" + (g % 3);
            long sequence = sequences.merge(record, 1L, Long::sum) - 1;
            ChainEntry entry = new ChainEntry("OfficialRecord", record, sequence, g, "event-" + g,
                    "org.ecoledger.core.record.MeetingHeldEvent", "1", "2018-02-0" + (1 + g % 9) + "T08:00:00Z",
                    JsonNodeFactory.instance.objectNode().put("topic", "研究大气污染防治 " + g),
                    JsonNodeFactory.instance.objectNode().put("requestId", "q" + g),
                    heads.getOrDefault(record, hasher.genesisHash()));
            StoredEntry stored = new StoredEntry(entry, hasher.hash(entry));
            heads.put(record, stored.storedHash());
            leaves.add(LogLeaf.of(stored).leafHash(tree));
            entries.add(LedgerExport.entry(g - g % 2, stored).toString());
        }
        byte[] root = tree.root(leaves);
        String note = new Checkpoint(TestKeys.LOG_NAME, SIZE, root).sign(List.of(signer)).format();
        List<String> lines = new ArrayList<>();
        lines.add(LedgerExport.header(HashAlgorithm.SHA_256, TestKeys.LOG_NAME, SIZE, root, note, List.of(),
                List.of(new LedgerExport.Key(TestKeys.LOG_NAME, "ed25519", NoteKeys.verifierKey(signer.verifier()))),
                "2026-01-01T00:00:00Z").toString());
        lines.addAll(entries);
        lines.add("{\"kind\":\"ruleSet\",\"id\":\"QHD-2018\",\"version\":1}");
        lines.add("{\"kind\":\"end\",\"entries\":" + SIZE + ",\"lines\":" + (SIZE + 3) + "}");
        return lines;
    }

    static LedgerExportVerifier.Result verify(List<String> lines, List<NoteVerifier> keys) throws IOException {
        return new LedgerExportVerifier(keys, JSON).verify(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void aWholeExport_isValid_againstTheLogsKey_andAgainstTheKeysItLists() throws IOException {
        Ed25519NoteSigner signer = TestKeys.logSigner();
        LedgerExportVerifier.Result trusted = verify(export(signer), List.of(signer.verifier()));
        assertThat(trusted.valid()).as(trusted.describe()).isTrue();
        assertThat(trusted.entries()).isEqualTo(SIZE);
        assertThat(trusted.records()).isEqualTo(3);
        assertThat(trusted.keysFromFile()).isFalse();
        assertThat(trusted.describe()).startsWith("VALID: 12 entries in 3 records");

        LedgerExportVerifier.Result own = verify(export(signer), List.of());
        assertThat(own.valid()).isTrue();
        assertThat(own.keysFromFile()).isTrue();
    }

    @Test
    void anotherKey_isNotTrusted() throws IOException {
        Ed25519NoteSigner other = new Ed25519NoteSigner(TestKeys.LOG_NAME, TestKeys.ed25519("other-ed25519"));
        LedgerExportVerifier.Result result = verify(export(TestKeys.logSigner()), List.of(other.verifier()));
        assertThat(result.valid()).isFalse();
        assertThat(result.item()).isEqualTo("checkpoint signature");
    }

    @Test
    void aChangedPayload_isFoundAtItsLine() throws IOException {
        List<String> lines = export(TestKeys.logSigner());
        lines.set(6, lines.get(6).replace("研究大气污染防治 5", "研究水污染防治 5"));
        LedgerExportVerifier.Result result = verify(lines, List.of(TestKeys.logSigner().verifier()));
        assertThat(result.valid()).isFalse();
        assertThat(result.item()).isEqualTo("line 7 (global index 5, official/r2 sequence 1)");
        assertThat(result.problem()).isEqualTo("the entry's content does not hash to its stored hash");
    }

    @Test
    void swappedOrMissingEntries_areFound() throws IOException {
        List<String> swapped = export(TestKeys.logSigner());
        String line = swapped.get(3);
        swapped.set(3, swapped.get(4));
        swapped.set(4, line);
        assertThat(verify(swapped, List.of()).problem()).isEqualTo("not the next global index");

        List<String> missing = export(TestKeys.logSigner());
        missing.remove(12);
        LedgerExportVerifier.Result result = verify(missing, List.of());
        assertThat(result.valid()).isFalse();
        assertThat(result.item()).isEqualTo("trailer");
    }

    @Test
    void aRechainedRecordWithFreshHashes_failsTheSignedRoot() throws IOException {
        // Rewrite the last entry with new content and a fresh, self-consistent hash: only the log catches it.
        List<String> lines = export(TestKeys.logSigner());
        var parsed = LedgerExport.parseEntry(JSON.readTree(lines.get(12)));
        ChainEntry old = parsed.stored().entry();
        ChainEntry forged = new ChainEntry(old.aggregateType(), old.aggregateId(), old.sequence(), old.globalIndex(),
                old.eventId(), old.payloadType(), old.payloadRevision(), old.timestamp(),
                JsonNodeFactory.instance.objectNode().put("topic", "伪造"), old.metadata(), old.prevHash());
        lines.set(12, LedgerExport.entry(parsed.commit(),
                new StoredEntry(forged, new EntryHasher(HashAlgorithm.SHA_256).hash(forged))).toString());
        LedgerExportVerifier.Result result = verify(lines, List.of());
        assertThat(result.valid()).isFalse();
        assertThat(result.item()).isEqualTo("log root");
    }

    @Test
    void aCutFile_hasNoTrailer() throws IOException {
        List<String> lines = export(TestKeys.logSigner());
        LedgerExportVerifier.Result result = verify(lines.subList(0, lines.size() - 1), List.of());
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("the trailer is missing: the export is cut");
    }
}
