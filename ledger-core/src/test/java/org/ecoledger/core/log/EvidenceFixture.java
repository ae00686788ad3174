package org.ecoledger.core.log;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;

/**
 * A small ledger built in memory for evidence tests: three records whose events interleave in the log, chained with
 * {@link EntryHasher}, logged with {@link CompactRange}; a checkpoint at size {@link #SIZE} signed with the fixed
 * Ed25519 and SM2 test keys and cosigned by two witnesses, an earlier checkpoint at {@link #SAVED_SIZE}, and the
 * evidence bundle of the record {@link #RECORD}. Public for the offline verifier's tests (through the test jar).
 */
public final class EvidenceFixture {

    public static final String ORIGIN = TestKeys.LOG_NAME;
    public static final String RECORD = "official-130300-0007";
    public static final String WITNESS_1 = "witness.test/w1";
    public static final String WITNESS_2 = "witness.test/w2";
    public static final long SIZE = 23;
    public static final long SAVED_SIZE = 10;
    /** Global indexes of {@link #RECORD}'s entries, sequence 0 to 5. */
    public static final long[] RECORD_INDEXES = {1, 4, 5, 9, 15, 20};

    public final EvidenceBundle bundle;
    public final String savedCheckpoint;
    public final Ed25519NoteVerifier logKey;
    public final Sm2NoteVerifier sm2Key;
    public final CosignatureVerifier witness1;
    public final CosignatureVerifier witness2;

    public EvidenceFixture(HashAlgorithm algorithm) {
        MerkleTree tree = new MerkleTree(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);
        MemorySubtreeHashes stored = new MemorySubtreeHashes();
        CompactRange range = CompactRange.empty(tree);
        List<StoredEntry> recordEntries = new ArrayList<>();
        String[] heads = {hasher.genesisHash(), hasher.genesisHash(), hasher.genesisHash()};
        long[] sequences = new long[3];
        byte[] savedRoot = null;
        for (long g = 0; g < SIZE; g++) {
            int record = recordAt(g);
            String id = record == 0 ? RECORD : "official-13030" + record + "-0001";
            ObjectNode payload = JsonNodeFactory.instance.objectNode()
                    .put("officialId", id).put("n", g).put("title", "秦皇岛市委书记");
            ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("recorder", "office");
            ChainEntry entry = new ChainEntry("Official", id, sequences[record]++, g,
                    "event-" + g, "org.ecoledger.core.record.MeetingHeldEvent", "1",
                    "2024-03-05T09:30:" + (10 + g) + "Z", payload, metadata, heads[record]);
            StoredEntry storedEntry = new StoredEntry(entry, hasher.hash(entry));
            heads[record] = storedEntry.storedHash();
            if (record == 0) {
                recordEntries.add(storedEntry);
            }
            range = range.append(LogLeaf.of(storedEntry).leafHash(tree), stored);
            if (range.size() == SAVED_SIZE) {
                savedRoot = range.root();
            }
        }

        Ed25519NoteSigner logSigner = TestKeys.logSigner();
        Sm2NoteSigner sm2Signer = new Sm2NoteSigner(ORIGIN, TestKeys.sm2(), new SecureRandom());
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
        CosignatureSigner w1 = new CosignatureSigner(WITNESS_1, TestKeys.ed25519("witness1-ed25519"), clock);
        CosignatureSigner w2 = new CosignatureSigner(WITNESS_2, TestKeys.ed25519("witness2-ed25519"), clock);
        logKey = logSigner.verifier();
        sm2Key = sm2Signer.verifier();
        witness1 = w1.verifier();
        witness2 = w2.verifier();

        SignedNote checkpoint = new Checkpoint(ORIGIN, SIZE, range.root()).sign(List.of(logSigner, sm2Signer));
        savedCheckpoint = new Checkpoint(ORIGIN, SAVED_SIZE, savedRoot).sign(List.of(logSigner, sm2Signer)).format();

        List<EvidenceBundle.Leaf> leaves = new ArrayList<>();
        for (StoredEntry entry : recordEntries) {
            leaves.add(new EvidenceBundle.Leaf(entry.entry().globalIndex(),
                    base64(tree.inclusionProof(stored, entry.entry().globalIndex(), SIZE))));
        }
        bundle = new EvidenceBundle(algorithm, ORIGIN, "Official", RECORD, recordEntries, leaves,
                checkpoint.format(),
                List.of(new EvidenceBundle.PublicKey(ORIGIN, "ed25519", NoteKeys.verifierKey(logKey)),
                        new EvidenceBundle.PublicKey(ORIGIN, "sm2", NoteKeys.verifierKey(sm2Key))),
                List.of(checkpoint.signatureBy(w1).line(), checkpoint.signatureBy(w2).line()),
                List.of(new EvidenceBundle.ConsistencyProof(SAVED_SIZE,
                        base64(tree.consistencyProof(stored, SAVED_SIZE, SIZE)))));
    }

    /** Which of the three records the event at global index {@code g} belongs to (0 is {@link #RECORD}). */
    private static int recordAt(long g) {
        for (long index : RECORD_INDEXES) {
            if (index == g) {
                return 0;
            }
        }
        return g % 2 == 0 ? 1 : 2;
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    /** Trust the log's Ed25519 and SM2 keys; nothing else required. */
    public TrustPolicy policy() {
        return TrustPolicy.of(List.of(logKey, sm2Key));
    }
}
