package org.ecoledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.log.EvidenceBundle;
import org.ecoledger.core.log.EvidenceFixture;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the verifier's main logic in-process on bundles built from a small generated ledger with fixed keys. */
class VerifierCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceFixture FIXTURE = new EvidenceFixture(HashAlgorithm.SHA_256);

    @TempDir
    Path dir;

    private String logKey;
    private String out;
    private String err;

    @BeforeEach
    void logKey() {
        logKey = "ed25519:" + TestKeys.LOG_NAME + ":"
                + Base64.getEncoder().encodeToString(FIXTURE.logKey.publicKey().getEncoded());
    }

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = VerifierCli.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path bundle(ObjectNode json) throws IOException {
        return write("evidence.json", JSON.writeValueAsBytes(json));
    }

    private static ObjectNode json() {
        return FIXTURE.bundle.toJson();
    }

    @Test
    void aValidBundle_exits0() throws IOException {
        int code = run("--bundle", bundle(json()).toString(), "--key", logKey);

        assertThat(code).as(out + err).isEqualTo(VerifierCli.VALID);
        assertThat(out).startsWith("VALID: 6 entries, head ").contains("in the log of 23 leaves");
    }

    @Test
    void aValidBundle_withEveryRequirement_andKeysFromFiles_exits0() throws IOException {
        Path ed25519Pem = write("log.pub.pem", TestKeys.resource("/keys/log-ed25519.pub.pem")
                .getBytes(StandardCharsets.UTF_8));
        Path sm2Pem = write("log-sm2.pub.pem", TestKeys.resource("/keys/log-sm2.pub.pem")
                .getBytes(StandardCharsets.UTF_8));
        Path saved = write("saved.checkpoint", FIXTURE.savedCheckpoint.getBytes(StandardCharsets.UTF_8));
        String w1 = EvidenceFixture.WITNESS_1 + ":"
                + Base64.getEncoder().encodeToString(FIXTURE.witness1.publicKey().getEncoded());

        int code = run("--bundle", bundle(json()).toString(),
                "--key", "ed25519:" + TestKeys.LOG_NAME + ":" + ed25519Pem,
                "--key", "sm2:" + TestKeys.LOG_NAME + ":" + sm2Pem, "--require-sm2",
                "--witness", w1, "--witness", NoteKeys.verifierKey(FIXTURE.witness2), "--quorum", "2",
                "--saved-checkpoint", saved.toString());

        assertThat(code).as(out + err).isEqualTo(VerifierCli.VALID);
        assertThat(out).contains("cosigned by witness.test/w1, witness.test/w2");
    }

    @Test
    void aChangedPayload_exits1_namingTheSequence() throws IOException {
        ObjectNode json = json();
        ((ObjectNode) json.get("entries").get(3).get("payload")).put("title", "秦皇岛市长");

        int code = run("--bundle", bundle(json).toString(), "--key", logKey);

        assertThat(code).isEqualTo(VerifierCli.INVALID);
        assertThat(out).startsWith("INVALID: entry sequence 3: content altered: the hash recomputed from the entry "
                + "differs from the stored hash (expected ");
    }

    @Test
    void aChangedInclusionProof_exits1_namingTheProof() throws IOException {
        ObjectNode json = json();
        ArrayNode proof = (ArrayNode) json.get("leaves").get(2).get("inclusionProof");
        byte[] hash = Base64.getDecoder().decode(proof.get(0).textValue());
        hash[31] ^= 1;
        proof.set(0, TextNode.valueOf(Base64.getEncoder().encodeToString(hash)));

        int code = run("--bundle", bundle(json).toString(), "--key", logKey);

        assertThat(code).isEqualTo(VerifierCli.INVALID);
        assertThat(out).startsWith("INVALID: inclusion proof of sequence 2 (leaf 5): the root computed from the "
                + "inclusion proof");
    }

    @Test
    void aWrongKey_exits1() throws IOException {
        String wrong = "ed25519:" + TestKeys.LOG_NAME + ":" + Base64.getEncoder().encodeToString(
                TestKeys.ed25519("other-ed25519").generatePublicKey().getEncoded());

        int code = run("--bundle", bundle(json()).toString(), "--key", wrong);

        assertThat(code).isEqualTo(VerifierCli.INVALID);
        assertThat(out).isEqualTo("INVALID: checkpoint signatures: no signature by a known key "
                + "(2 signature lines by unknown keys)\n");
    }

    @Test
    void aMissingWitness_failsTheQuorum_exits1() throws IOException {
        ObjectNode json = json();
        ((ArrayNode) json.get("cosignatures")).remove(0);
        String w1 = EvidenceFixture.WITNESS_1 + ":"
                + Base64.getEncoder().encodeToString(FIXTURE.witness1.publicKey().getEncoded());

        int code = run("--bundle", bundle(json).toString(), "--key", logKey, "--witness", w1,
                "--witness", NoteKeys.verifierKey(FIXTURE.witness2));

        assertThat(code).isEqualTo(VerifierCli.INVALID);
        assertThat(out).startsWith("INVALID: witness quorum: 1 of the 2 trusted witnesses cosigned");
    }

    @Test
    void truncatedJson_exits2() throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json());
        Path truncated = write("truncated.json", java.util.Arrays.copyOf(bytes, bytes.length - 10));

        int code = run("--bundle", truncated.toString(), "--key", logKey);

        assertThat(code).isEqualTo(VerifierCli.UNUSABLE);
        assertThat(err).startsWith("error: unusable bundle: the bundle is not valid JSON at line 1");
        assertThat(out).isEmpty();
    }

    @Test
    void unusableInputs_exit2_sayingWhy() throws IOException {
        Path bundle = bundle(json());
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--bundle", dir.resolve("absent.json").toString(), "--key", logKey});
        cases.add(new String[] {"--bundle", bundle.toString()});
        cases.add(new String[] {"--bundle", bundle.toString(), "--key", "ed25519:name:not-base64!"});
        cases.add(new String[] {"--bundle", bundle.toString(), "--key", logKey, "--quorum", "1"});
        cases.add(new String[] {"--bundle", bundle.toString(), "--key", logKey, "--require-sm2"});
        cases.add(new String[] {"--bundle", bundle.toString(), "--key", logKey, "--frobnicate"});
        List<String> expected = List.of("error: no such bundle file: ", "error: give at least one trusted key",
                "error: --key ed25519:name:not-base64!: the key is neither an existing file nor base64",
                "error: --quorum needs --witness keys",
                "error: an SM2 signature is required but no SM2 key of the log is trusted",
                "error: unknown argument '--frobnicate'");
        for (int i = 0; i < cases.size(); i++) {
            assertThat(run(cases.get(i))).as(String.join(" ", cases.get(i))).isEqualTo(VerifierCli.UNUSABLE);
            assertThat(err).startsWith(expected.get(i));
        }
    }

    @Test
    void anOversizedBundle_exits2_withoutReadingIt() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(EvidenceBundle.MAX_BUNDLE_BYTES + 1L);
        }

        assertThat(run("--bundle", huge.toString(), "--key", logKey)).isEqualTo(VerifierCli.UNUSABLE);
        assertThat(err).contains("has 67108865 bytes, more than the 67108864 allowed");
    }
}
