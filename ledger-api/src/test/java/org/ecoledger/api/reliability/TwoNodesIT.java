package org.ecoledger.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ecoledger.api.log.LogSigningKeys;
import org.ecoledger.api.messaging.EventStoreConfiguration;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.Ed25519NoteVerifier;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.NoteVerification;
import org.ecoledger.core.log.ProofVerification;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.logstore.StoredCheckpoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two nodes: two application processes share one store (the jar's store mode) and both take appends; the node that
 * writes the log is killed ({@code kill -9}) mid-load. The other takes over every processor segment it held — the
 * views and the log writer — once the claims time out, goes on appending and signing checkpoints, and in the end no
 * acknowledged entry is lost, none is stored twice, the views hold exactly the events and every checkpoint (signed by
 * either node) is consistent with the one before it. Once in CI, 3 times (a fresh pair each) in the long form.
 */
class TwoNodesIT {

    private static final int CLIENTS = 4;
    private static final int OFFICIALS = 6;
    private static final String ORIGIN = "ledger.local/eco-accountability";

    @Test
    void theLogWriterNodeKilledMidLoad_theOtherTakesOverWithinTheClaimTimeout_andNothingIsLostOrDoubled()
            throws Exception {
        int rounds = Reliability.setting("two-nodes.rounds", 1, 3);
        for (int round = 1; round <= rounds; round++) {
            run(round);
        }
    }

    private void run(int round) throws Exception {
        Path work = Reliability.workDirectory("two-nodes");
        Ed25519PrivateKeyParameters key = NoteKeys.generateEd25519(new SecureRandom());
        Path keyFile = work.resolve("log-ed25519.pem");
        LogSigningKeys.writeOwnerOnly(keyFile, NoteKeys.privateKeyPem(key));
        int storePort = Reliability.freePort();
        String[] node = {"--ledger.mongodb-uri=mongodb://127.0.0.1:" + storePort
                + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000",
                "--ledger.signing-key=" + keyFile, "--ledger.log.checkpoint-interval=2s"};
        Instant begun = Instant.now();
        try (LedgerProcess store = LedgerProcess.store("store", work.resolve("store"), storePort);
             LedgerProcess a = LedgerProcess.app("node-a", work.resolve("a"), node);
             LedgerProcess b = LedgerProcess.app("node-b", work.resolve("b"), node)) {
            store.start();
            // Both start at once: which one claims which processor is up to them.
            CompletableFuture<LedgerProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.get();

            List<String> officials = LedgerSetup.officials(a.http(), "two-" + round, OFFICIALS);
            AppendLoad load = new AppendLoad("t" + round, officials, CLIENTS,
                    client -> client % 2 == 0 ? List.of(a.http(), b.http()) : List.of(b.http(), a.http()),
                    Long.MAX_VALUE).start();
            load.awaitAcks(40, Duration.ofMinutes(3));

            LedgerProcess writer = holds(a, "transparency-log") ? a : b;
            LedgerProcess survivor = writer == a ? b : a;
            List<String> heldByWriter = processorsHeldBy(writer);
            long checkpointBefore = latestCheckpointSize(survivor);
            writer.kill();
            Instant killed = Instant.now();
            Reliability.await(survivor.name() + " to hold every processor", Duration.ofMinutes(2),
                              () -> processorsHeldBy(survivor).size() == 4);
            Duration takeover = Duration.between(killed, Instant.now());
            int acksAtTakeover = load.acks().size();
            load.awaitAcks(acksAtTakeover + 40, Duration.ofMinutes(3));
            load.stop();

            Checks.awaitCaughtUp(List.of(survivor), Duration.ofMinutes(2));
            Reliability.await("a checkpoint signed by " + survivor.name() + " after the takeover",
                              Duration.ofMinutes(1), () -> latestCheckpointSize(survivor) > checkpointBefore);

            try (StoreInspector inspector = new StoreInspector("127.0.0.1:" + storePort)) {
                StoreInspector.EventLog log = inspector.events();
                assertThat(log.holes()).as("holes in the global index").isEmpty();
                assertThat(log.chainBreaks()).as("records that are not linear").isEmpty();
                Checks.Verdict verdict = Checks.verdict(List.of(load), log);
                assertThat(verdict.problems()).as("requests vs stored entries").isEmpty();
                assertThat(verdict.lost()).isZero();
                assertThat(verdict.duplicates()).isZero();
                assertThat(load.unexpected()).as("answers other than 201 and problem details").isEmpty();
                assertThat(load.refusals().keySet()).isSubsetOf("409 concurrent-modification");

                JsonNode result = Checks.verificationRun(survivor.http(), Duration.ofMinutes(2));
                assertThat(result.path("valid").asBoolean()).as("verification run: %s", result).isTrue();
                assertThat(result.path("logSize").asLong()).isEqualTo(log.events().size());
                assertThat(inspector.viewDifferences(log, officials)).as("view vs events").isEmpty();

                int checkpoints = checkEveryCheckpoint(inspector, survivor, key);
                Checks.report("two-nodes", "round " + round + ": " + verdict.summary() + "; refusals "
                        + load.refusals() + "; killed " + writer.name() + " (held " + heldByWriter + "), "
                        + survivor.name() + " held every processor " + takeover.toMillis()
                        + " ms later (claim timeout " + EventStoreConfiguration.TOKEN_CLAIM_TIMEOUT.toSeconds()
                        + " s, claim interval " + EventStoreConfiguration.TOKEN_CLAIM_INTERVAL.toSeconds()
                        + " s); " + checkpoints + " checkpoints, each consistent with the one before; "
                        + Duration.between(begun, Instant.now()).toSeconds() + " s");
                assertThat(takeover).as("takeover after the kill").isLessThanOrEqualTo(
                        EventStoreConfiguration.TOKEN_CLAIM_TIMEOUT
                                .plus(EventStoreConfiguration.TOKEN_CLAIM_INTERVAL.multipliedBy(2))
                                .plus(Duration.ofSeconds(8))); // a claim extended up to a second before the kill, a
                                                               // busy machine
            }
        }
    }

    /**
     * Every stored checkpoint carries a valid signature of the shared key, and each is proven consistent with the one
     * before it by a proof the surviving node serves. Returns how many there are.
     */
    private static int checkEveryCheckpoint(StoreInspector inspector, LedgerProcess survivor,
                                            Ed25519PrivateKeyParameters key) {
        Ed25519NoteVerifier verifier = new Ed25519NoteVerifier(ORIGIN, key.generatePublicKey());
        MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
        List<StoredCheckpoint> checkpoints = new ArrayList<>(new LogStore(inspector.database()).allCheckpoints());
        checkpoints.sort((x, y) -> Long.compare(x.size(), y.size()));
        assertThat(checkpoints).hasSizeGreaterThan(2);
        Checkpoint previous = null;
        for (StoredCheckpoint stored : checkpoints) {
            NoteVerification signature = stored.signedNote().verify(List.of(verifier));
            assertThat(signature.valid()).as("signature of checkpoint %s", stored.size()).isTrue();
            Checkpoint checkpoint = stored.checkpoint();
            if (previous != null && previous.size() > 0) {
                JsonNode proof = survivor.http().get("auditor", "/api/v1/log/proofs/consistency?first="
                        + previous.size() + "&second=" + checkpoint.size()).json();
                List<byte[]> hashes = new ArrayList<>();
                proof.path("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
                ProofVerification verified = tree.verifyConsistency(previous.size(), checkpoint.size(),
                        previous.rootHash(), checkpoint.rootHash(), hashes);
                assertThat(verified.valid()).as("checkpoint %s consistent with %s: %s", checkpoint.size(),
                                                previous.size(), verified.problem()).isTrue();
            }
            previous = checkpoint;
        }
        return checkpoints.size();
    }

    private static boolean holds(LedgerProcess node, String processor) {
        return processorsHeldBy(node).contains(processor);
    }

    /** The processors of which {@code node} holds a segment, as its health says. */
    private static List<String> processorsHeldBy(LedgerProcess node) {
        List<String> held = new ArrayList<>();
        JsonNode processors;
        try {
            processors = node.health().path("components").path("processors").path("details").path("processors");
        } catch (Http.Unanswered e) {
            return held;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = processors.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> processor = it.next();
            if (processor.getValue().path("segmentsHeldHere").asInt() > 0) {
                held.add(processor.getKey());
            }
        }
        return held;
    }

    private static long latestCheckpointSize(LedgerProcess node) {
        Http.Answer answer = node.http().get("auditor", "/api/v1/log/checkpoint");
        if (answer.status() != 200) {
            return -1;
        }
        return Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }
}
