package org.ecoledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.Ed25519NoteVerifier;
import org.ecoledger.core.log.LogLeaf;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerifier;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.verifier.VerifierCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transparency log in the real application (embedded store on a free port): checkpoints, proofs over HTTP,
 * evidence checked by the offline verifier, the writer across a restart, and its lag.
 */
class TransparencyLogTest {

    static final String ORIGIN = "ledger.local/eco-accountability";
    static final MerkleTree TREE = new MerkleTree(HashAlgorithm.SHA_256);
    /** Scheduled checkpoints off (the first, of the empty tree, is still signed), so tests sign them. */
    static final String NO_SCHEDULED_CHECKPOINTS = "--ledger.log.checkpoint-interval=1h";
    static final String NO_ENTRY_CHECKPOINTS = "--ledger.log.checkpoint-entries=1000000";

    @TempDir
    Path dataDir;

    /** The log's key as an auditor holds it: from the key file, not from the server. */
    NoteVerifier logKey() throws Exception {
        Path file = dataDir.resolve(LogSigningKeys.GENERATED_KEY_FILE);
        return new Ed25519NoteVerifier(ORIGIN, NoteKeys.readEd25519PrivateKey(Files.readString(file))
                                                       .generatePublicKey());
    }

    static Checkpoint verifiedCheckpoint(String note, NoteVerifier key) {
        SignedNote signed = SignedNote.parse(note);
        assertThat(signed.verify(List.of(key)).valid()).as("the checkpoint's signature").isTrue();
        return Checkpoint.parse(signed.text());
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }

    @Test
    void theCheckpointVerifiesWithThePublicKey_everyEntrysInclusionProofVerifies_andTwoCheckpointsAreConsistent()
            throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir, NO_SCHEDULED_CHECKPOINTS, NO_ENTRY_CHECKPOINTS)) {
            Records records = new Records(ledger);
            records.city();
            records.official("o-1");
            records.meetings("o-1", LocalDate.of(2017, 2, 1), 3);
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            long first = ledger.bean(Checkpointer.class).sign(records.logSize()).size();
            LedgerHttp auditor = LedgerHttp.as("auditor", ledger);

            var response = auditor.get("/api/v1/log/checkpoint");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            Checkpoint checkpoint = verifiedCheckpoint(response.body(), logKey());
            assertThat(checkpoint.origin()).isEqualTo(ORIGIN);
            assertThat(checkpoint.size()).isEqualTo(first).isEqualTo(6);

            List<StoredEntry> entries = ledger.bean(RecordVerifier.class).storedEntries("official/o-1");
            assertThat(entries).hasSize(5);
            for (StoredEntry entry : entries) {
                JsonNode proof = auditor.getJson("/api/v1/log/proofs/inclusion?officialId=o-1&sequence="
                        + entry.entry().sequence() + "&treeSize=" + checkpoint.size());
                assertThat(proof.path("leafIndex").asLong()).isEqualTo(entry.entry().globalIndex());
                assertThat(proof.path("treeSize").asLong()).isEqualTo(checkpoint.size());
                assertThat(TREE.verifyInclusion(entry.entry().globalIndex(), checkpoint.size(),
                                                LogLeaf.of(entry).leafHash(TREE), hashes(proof.path("hashes")),
                                                checkpoint.rootHash()).valid())
                        .as("inclusion of sequence %d", entry.entry().sequence()).isTrue();
            }

            records.meetings("o-1", LocalDate.of(2017, 3, 1), 4);
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            ledger.bean(Checkpointer.class).sign(records.logSize());
            Checkpoint second = verifiedCheckpoint(auditor.get("/api/v1/log/checkpoint").body(), logKey());
            assertThat(second.size()).isEqualTo(10);
            JsonNode consistency = auditor.getJson("/api/v1/log/proofs/consistency?first=" + checkpoint.size()
                                                           + "&second=" + second.size());
            assertThat(TREE.verifyConsistency(checkpoint.size(), second.size(), checkpoint.rootHash(),
                                              second.rootHash(), hashes(consistency.path("hashes"))).valid())
                    .isTrue();
            Checkpoint older = verifiedCheckpoint(auditor.get("/api/v1/log/checkpoint?treeSize=6").body(), logKey());
            assertThat(older).isEqualTo(checkpoint);

            JsonNode keys = auditor.getJson("/api/v1/log/keys").path("keys");
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).path("verifierKey").asText()).isEqualTo(NoteKeys.verifierKey(logKey()));
            assertThat(keys.get(0).path("type").asText()).isEqualTo("ed25519");
        }
    }

    @Test
    void theGeneratedKeyIsReadableByItsOwnerOnly_andTheLogsEndpointsNeedAReadingRole() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            Path key = dataDir.resolve(LogSigningKeys.GENERATED_KEY_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

            assertThat(LedgerHttp.anonymous(ledger).get("/api/v1/log/checkpoint").statusCode()).isEqualTo(401);
            assertThat(LedgerHttp.as("recorder", ledger).get("/api/v1/log/checkpoint").statusCode()).isEqualTo(403);
            for (String role : List.of("auditor", "discipline")) {
                assertThat(LedgerHttp.as(role, ledger).get("/api/v1/log/checkpoint").statusCode()).isEqualTo(200);
            }
            assertThat(LedgerHttp.as("admin", ledger).get("/api/v1/log/checkpoint").statusCode())
                    .as("API.md: AUDITOR reads proofs, DISCIPLINE reads everything; ADMIN manages reference data")
                    .isEqualTo(403);
            LedgerHttp auditor = LedgerHttp.as("auditor", ledger);
            assertThat(auditor.get("/api/v1/log/proofs/inclusion?officialId=nobody&sequence=0").statusCode())
                    .isEqualTo(404);
            assertThat(auditor.get("/api/v1/log/proofs/consistency?first=0&second=99").statusCode()).isEqualTo(409);
        }
    }

    int verifyOffline(Path bundle, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifierCli.run(new String[]{"--bundle", bundle.toString(), "--key", key},
                                   new PrintStream(out, true, StandardCharsets.UTF_8),
                                   new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println("offline verifier (in process): exit " + exit + ": " + out);
        Path jar = Path.of("..", "ledger-verifier", "target", "ledger-verifier.jar");
        if (Files.isRegularFile(jar)) {
            try {
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                                                         .toString(), "-jar", jar.toString(), "--bundle",
                                                     bundle.toString(), "--key", key)
                        .redirectErrorStream(true).start();
                String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                System.out.println("offline verifier (java -jar): exit " + process.exitValue() + ": " + printed);
                assertThat(process.exitValue()).as("the jar agrees with the in-process run: %s", printed)
                                               .isEqualTo(exit);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return exit;
    }

    @Test
    void evidenceDownloadedOverHttp_verifiesOffline_andFailsOnceAStoredPayloadIsTampered(@TempDir Path work)
            throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir, NO_SCHEDULED_CHECKPOINTS, NO_ENTRY_CHECKPOINTS)) {
            Records records = new Records(ledger);
            records.city();
            records.official("o-1");
            records.official("o-2");
            records.meetings("o-1", LocalDate.of(2017, 2, 1), 3);
            LedgerHttp auditor = LedgerHttp.as("auditor", ledger);
            String key = NoteKeys.verifierKey(logKey());

            var response = auditor.get("/api/v1/officials/o-1/evidence");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode bundle = LedgerHttp.read(response.body());
            assertThat(bundle.path("format").asText()).isEqualTo("eco-ledger-evidence/1");
            assertThat(bundle.path("entries")).hasSize(5);
            assertThat(Checkpoint.parse(SignedNote.parse(bundle.path("checkpoint").asText()).text()).size())
                    .as("the newest entry is in the bundle's checkpoint, signed on demand").isEqualTo(8);
            Path file = work.resolve("evidence.json");
            Files.writeString(file, response.body());
            assertThat(verifyOffline(file, key)).isEqualTo(VerifierCli.VALID);

            MongoCollection<BsonDocument> events = ledger.bean(MongoDatabase.class)
                                                         .getCollection(LedgerSchema.EVENTS, BsonDocument.class);
            assertThat(events.updateOne(Filters.eq("ak", "official/o-1#0"),
                                        Updates.set("events.0.payload.name", "李四")).getModifiedCount())
                    .isEqualTo(1);
            Path tampered = work.resolve("tampered.json");
            Files.writeString(tampered, auditor.get("/api/v1/officials/o-1/evidence").body());
            assertThat(verifyOffline(tampered, key)).isEqualTo(VerifierCli.INVALID);

            assertThat(auditor.get("/api/v1/officials/nobody/evidence").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theWriterResumesAfterARestart_withoutRewritingALeaf() {
        Map<String, String> marked;
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            Records records = new Records(ledger);
            records.city();
            records.official("o-1");
            records.meetings("o-1", LocalDate.of(2017, 2, 1), 6);
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            // Mark every stored subtree: a rewrite (replace or upsert of the document) would drop the mark.
            MongoCollection<BsonDocument> subtrees = ledger.bean(MongoDatabase.class)
                                                           .getCollection(LogStore.SUBTREES, BsonDocument.class);
            assertThat(subtrees.updateMany(Filters.exists("h"), Updates.set("mark", "before restart"))
                               .getModifiedCount()).isGreaterThanOrEqualTo(9);
            marked = new java.util.HashMap<>();
            for (BsonDocument subtree : subtrees.find()) {
                marked.put(subtree.getString("_id").getValue(),
                           Base64.getEncoder().encodeToString(subtree.getBinary("h").getData()));
            }
        }
        try (RunningLedger again = RunningLedger.start(dataDir)) {
            Records records = new Records(again);
            records.meetings("o-1", LocalDate.of(2017, 3, 1), 5);
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            assertThat(records.logSize()).isEqualTo(14);
            MongoCollection<BsonDocument> subtrees = again.bean(MongoDatabase.class)
                                                          .getCollection(LogStore.SUBTREES, BsonDocument.class);
            for (Map.Entry<String, String> before : marked.entrySet()) {
                BsonDocument now = subtrees.find(Filters.eq("_id", before.getKey())).first();
                assertThat(now.getString("mark").getValue()).as(before.getKey()).isEqualTo("before restart");
                assertThat(Base64.getEncoder().encodeToString(now.getBinary("h").getData()))
                        .isEqualTo(before.getValue());
            }
            assertThat(subtrees.countDocuments(Filters.exists("mark", false))).as("the new subtrees only")
                                                                               .isGreaterThan(0);
            assertThat(again.bean(org.ecoledger.core.logstore.TransparencyLogWriter.class).root())
                    .isEqualTo(TREE.root(again.bean(LogStore.class), 14));
        }
    }

    /**
     * Concurrent appends all reach the log. How soon (the lag under a second) is a benchmark figure,
     * {@code log.lag_ms} in docs/benchmarks.md, not a bound here: a shared CI machine can stall any process for
     * seconds.
     */
    @Test
    void afterManyConcurrentAppends_theLogHoldsEveryOne() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            Records records = new Records(ledger);
            records.city();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String official = "o-" + t;
                records.official(official);
                writers.add(new Thread(() -> records.meetings(official, LocalDate.of(2017, 1, 10), 100)));
            }
            long started = System.nanoTime();
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join(120_000);
            }
            long appended = System.nanoTime();
            long events = records.events();
            assertThat(events).isEqualTo(1 + 4 * 2 + 400);
            records.awaitLogCaughtUp(Duration.ofSeconds(60));
            long caughtUp = System.nanoTime();
            assertThat(ledger.bean(org.ecoledger.core.logstore.TransparencyLogWriter.class).root())
                    .isEqualTo(TREE.root(ledger.bean(LogStore.class), events));
            System.out.printf("%d events appended in %d ms; the log caught up %d ms after the last append%n",
                              events, (appended - started) / 1_000_000, (caughtUp - appended) / 1_000_000);
        }
    }
}
