package org.ecoledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.witness.Witness;
import org.ecoledger.api.witness.WitnessMode;
import org.ecoledger.core.log.CosignatureVerifier;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.verifier.VerifierCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Witness mode against running ledgers: it cosigns consistent checkpoints and refuses an inconsistent one. */
class WitnessTest {

    static final String WITNESS = "witness.test/w1";

    @TempDir
    Path dataDir;
    @TempDir
    Path witnessDir;

    /** The witness's key, made beforehand so that the ledger can be told to trust it. */
    String witnessKey() {
        Ed25519PrivateKeyParameters key = NoteKeys.generateEd25519(new SecureRandom());
        LogSigningKeys.writeOwnerOnly(witnessDir.resolve("witness-key.pem"), NoteKeys.privateKeyPem(key));
        return NoteKeys.verifierKey(new CosignatureVerifier(WITNESS, key.generatePublicKey()));
    }

    static ConfigurableApplicationContext witnessMode(RunningLedger ledger, Path stateDir) {
        return WitnessMode.run("--ledger.mode=witness",
                                                             "--ledger.witness.ledger-url=" + ledger.baseUrl(),
                                                             "--ledger.witness.name=" + WITNESS,
                                                             "--ledger.witness.state-dir=" + stateDir,
                                                             "--ledger.witness.poll-interval=1h",
                                                             "--ledger.witness.username=auditor",
                                                             "--ledger.witness.password=auditor");
    }

    @Test
    void theWitnessModeCosignsConsistentCheckpoints_andEvidenceCarriesTheCosignature(@TempDir Path work)
            throws Exception {
        String witnessKey = witnessKey();
        try (RunningLedger ledger = RunningLedger.start(dataDir, TransparencyLogTest.NO_SCHEDULED_CHECKPOINTS,
                                                        TransparencyLogTest.NO_ENTRY_CHECKPOINTS,
                                                        "--ledger.log.witnesses[0].name=" + WITNESS,
                                                        "--ledger.log.witnesses[0].key=" + witnessKey)) {
            Records records = new Records(ledger);
            records.city();
            records.official("o-1");
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            ledger.bean(Checkpointer.class).sign(3);
            try (ConfigurableApplicationContext witnessMode = witnessMode(ledger, witnessDir)) {
                Records.await(() -> !ledger.bean(LogStore.class).checkpoint(3).orElseThrow().cosignatures()
                                           .isEmpty(), Duration.ofSeconds(10), "the witness's first cosignature");
                Witness witness = witnessMode.getBean(Witness.class);
                assertThat(witness.verifierKey()).isEqualTo(witnessKey);
                assertThat(witness.pollOnce().outcome()).isEqualTo(Witness.Outcome.UNCHANGED);

                records.meetings("o-1", LocalDate.of(2017, 2, 1), 3);
                records.awaitLogCaughtUp(Duration.ofSeconds(10));
                ledger.bean(Checkpointer.class).sign(6);
                Witness.Result second = witness.pollOnce();
                assertThat(second.outcome()).as("%s", second).isEqualTo(Witness.Outcome.COSIGNED);
                assertThat(second.treeSize()).isEqualTo(6);
            }
            assertThat(ledger.bean(LogStore.class).checkpoint(6).orElseThrow().cosignatures()).hasSize(1);

            var evidence = LedgerHttp.as("auditor", ledger).get("/api/v1/officials/o-1/evidence");
            JsonNode bundle = LedgerHttp.read(evidence.body());
            assertThat(bundle.path("cosignatures")).hasSize(1);
            Path file = work.resolve("evidence.json");
            Files.writeString(file, evidence.body());
            String logKey = LedgerHttp.as("auditor", ledger).getJson("/api/v1/log/keys").path("keys").get(0)
                                      .path("verifierKey").asText();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = VerifierCli.run(new String[]{"--bundle", file.toString(), "--key", logKey, "--witness",
                                                    witnessKey, "--quorum", "1"},
                                       new PrintStream(out, true, StandardCharsets.UTF_8),
                                       new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString()).isEqualTo(VerifierCli.VALID);

            var forged = LedgerHttp.as("auditor", ledger).post("/api/v1/log/cosignatures",
                    "{\"treeSize\": 6, \"cosignature\": \"\u2014 " + WITNESS + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        }
    }

    @Test
    void aWitnessRefusesACheckpointThatIsNotConsistentWithTheOneItAccepted(@TempDir Path forkDir) throws Exception {
        witnessKey();
        try (RunningLedger honest = RunningLedger.start(dataDir, TransparencyLogTest.NO_SCHEDULED_CHECKPOINTS,
                                                        TransparencyLogTest.NO_ENTRY_CHECKPOINTS,
                                                        "--ledger.log.witnesses[0].name=" + WITNESS,
                                                        "--ledger.log.witnesses[0].key=" + witnessKeyFromFile())) {
            Records records = new Records(honest);
            records.city();
            records.official("o-1");
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            honest.bean(Checkpointer.class).sign(3);
            try (ConfigurableApplicationContext witnessMode = witnessMode(honest, witnessDir)) {
                Records.await(() -> !honest.bean(LogStore.class).checkpoint(3).orElseThrow().cosignatures()
                                           .isEmpty(), Duration.ofSeconds(10), "the witness's cosignature");
            }
            // A forked view: the same key and origin, a different history that is larger.
            Files.copy(dataDir.resolve(LogSigningKeys.GENERATED_KEY_FILE),
                       forkDir.resolve(LogSigningKeys.GENERATED_KEY_FILE));
            try (RunningLedger fork = RunningLedger.start(forkDir, TransparencyLogTest.NO_SCHEDULED_CHECKPOINTS,
                                                          TransparencyLogTest.NO_ENTRY_CHECKPOINTS,
                                                          "--ledger.log.witnesses[0].name=" + WITNESS,
                                                          "--ledger.log.witnesses[0].key=" + witnessKeyFromFile())) {
                Records forked = new Records(fork);
                forked.city();
                forked.official("o-2");
                forked.meetings("o-2", LocalDate.of(2017, 2, 1), 2);
                forked.awaitLogCaughtUp(Duration.ofSeconds(10));
                fork.bean(Checkpointer.class).sign(5);
                try (ConfigurableApplicationContext witnessMode = witnessMode(fork, witnessDir)) {
                    Witness.Result result = witnessMode.getBean(Witness.class).pollOnce();
                    assertThat(result.outcome()).isEqualTo(Witness.Outcome.REFUSED);
                    assertThat(result.reason()).contains("not consistent with the accepted checkpoint of size 3");
                }
                assertThat(fork.bean(LogStore.class).checkpoint(5).orElseThrow().cosignatures())
                        .as("nothing cosigned").isEmpty();
                try (var files = Files.list(witnessDir)) {
                    assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("refused-5-"));
                }
                assertThat(Files.readString(witnessDir.resolve("checkpoint"))).as("the accepted view is kept")
                        .startsWith("ledger.local/eco-accountability\n3\n");
            }
        }
    }

    String witnessKeyFromFile() throws Exception {
        Ed25519PrivateKeyParameters key = NoteKeys.readEd25519PrivateKey(
                Files.readString(witnessDir.resolve("witness-key.pem")));
        return NoteKeys.verifierKey(new CosignatureVerifier(WITNESS, key.generatePublicKey()));
    }
}
