package org.ecoledger.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.core.log.LedgerExportVerifier;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.verifier.VerifierCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backup and restore path over HTTP: the whole ledger exported, verified offline, restored into an empty
 * ledger, which reaches the same log root and where every record verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRestoreTest {

    static final List<String> OFFICIALS = List.of("exp-1", "exp-2", "exp-3");

    @TempDir
    static Path source;
    @TempDir
    static Path target;
    @TempDir
    static Path files;

    RunningLedger original;
    Api api;
    byte[] export;

    @BeforeAll
    void start() {
        original = RunningLedger.start(source, "--ledger.log.checkpoint-interval=1s");
        api = new Api(original);
        api.city();
        for (String official : OFFICIALS) {
            api.official(official);
            for (EntryExamples.Example example : EntryExamples.STORY.subList(0, 5)) {
                api.post("recorder", "/api/v1/officials/" + official + "/entries", example.body()).expect(201);
            }
        }
        // A posted rule set (a valid one: the API checks it) travels with the export.
        api.post("admin", "/api/v1/rule-sets", Api.ruleSet("EXPORT-TEST", 1, "2099-01-01")).expect(201);
        // the reads are logged: the access log's records are in the export too
        api.get("auditor", "/api/v1/officials/exp-1/entries").expect(200);
        HttpResponse<byte[]> answer = api.getBytes("auditor", "/api/v1/exports/ledger");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        export = answer.body();
    }

    @AfterAll
    void stop() {
        original.close();
    }

    JsonNode header() throws Exception {
        return Api.JSON.readTree(new String(export, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    String logKey(Api on) {
        return on.get("auditor", "/api/v1/log/keys").expect(200).json().path("keys").get(0).path("verifierKey").asText();
    }

    @Test
    void theExport_verifiesOffline_withTheLogsKey_andATamperedByteIsFoundWhereItIs() throws Exception {
        JsonNode header = header();
        long treeSize = header.path("treeSize").asLong();
        assertThat(treeSize).isGreaterThan(OFFICIALS.size() * 6L);
        assertThat(new String(export, StandardCharsets.UTF_8).lines().filter(line -> line.contains("\"kind\":\"entry\"")))
                .hasSize((int) treeSize);

        LedgerExportVerifier.Result result = new LedgerExportVerifier(List.of(NoteKeys.parseVerifierKey(logKey(api))), Api.JSON)
                .verify(new BufferedReader(new StringReader(new String(export, StandardCharsets.UTF_8))));
        assertThat(result.valid()).as(result.describe()).isTrue();
        assertThat(result.entries()).isEqualTo(treeSize);
        assertThat(result.keysFromFile()).isFalse();

        Path file = files.resolve("ledger.ndjson");
        Files.write(file, export);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifierCli.run(new String[]{"--export", file.toString(), "--key", logKey(api)},
                                     new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(VerifierCli.VALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID: " + treeSize + " entries");

        // One character of one stored payload changed: found at its line, with the hashes
        List<String> lines = new ArrayList<>(new String(export, StandardCharsets.UTF_8).lines().toList());
        int target = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("研究大气污染防治")) {
                target = i;
                break;
            }
        }
        assertThat(target).isPositive();
        lines.set(target, lines.get(target).replaceFirst("研究大气污染防治", "研究水污染防治"));
        Path tampered = files.resolve("tampered.ndjson");
        Files.write(tampered, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        out.reset();
        status = VerifierCli.run(new String[]{"--export", tampered.toString(), "--key", logKey(api)},
                                 new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isEqualTo(VerifierCli.INVALID);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INVALID: line " + (target + 1) + " (global index")
                .contains("does not hash to its stored hash");

        // A cut file (the trailer lost) is found too
        Path cut = files.resolve("cut.ndjson");
        Files.write(cut, String.join("\n", lines.subList(0, lines.size() - 1)).getBytes(StandardCharsets.UTF_8));
        out.reset();
        assertThat(VerifierCli.run(new String[]{"--export", cut.toString()},
                                   new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isEqualTo(VerifierCli.INVALID);
    }

    @Test
    void theExport_restoredIntoAnEmptyLedger_reproducesTheLogRoot_andEveryRecordVerifies() throws Exception {
        JsonNode header = header();
        try (RunningLedger restored = RunningLedger.start(target, "--ledger.log.checkpoint-interval=1s")) {
            Api other = new Api(restored);
            other.upload("recorder", "/api/v1/imports/ledger", "file", "ledger.ndjson", export).problem(403, "forbidden");

            JsonNode answer = other.upload("admin", "/api/v1/imports/ledger", "file", "ledger.ndjson", export)
                                   .expect(200).json();
            assertThat(answer.path("entries").asLong()).isEqualTo(header.path("treeSize").asLong());
            assertThat(answer.path("rootHash").asText()).isEqualTo(header.path("rootHash").asText());
            assertThat(answer.path("ruleSets").asLong()).isEqualTo(1);

            // Not twice: the ledger is no longer empty
            other.upload("admin", "/api/v1/imports/ledger", "file", "ledger.ndjson", export)
                 .problem(409, "ledger-not-empty");

            // The log writer catches up by itself and reaches the same root at the same size
            JsonNode again = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<byte[]> second = other.getBytes("auditor", "/api/v1/exports/ledger");
                if (second.statusCode() == 200) {
                    again = Api.JSON.readTree(new String(second.body(), StandardCharsets.UTF_8).lines().findFirst()
                                                                                          .orElseThrow());
                    if (again.path("treeSize").asLong() == header.path("treeSize").asLong()) {
                        break;
                    }
                }
                Thread.sleep(250);
            }
            assertThat(again).isNotNull();
            assertThat(again.path("treeSize").asLong()).isEqualTo(header.path("treeSize").asLong());
            assertThat(again.path("rootHash").asText()).isEqualTo(header.path("rootHash").asText());

            for (String official : OFFICIALS) {
                JsonNode verification = other.get("auditor", "/api/v1/officials/" + official + "/verification")
                                             .expect(200).json();
                assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
                JsonNode before = api.get("auditor", "/api/v1/officials/" + official + "/verification").expect(200)
                                     .json();
                assertThat(verification.path("headHash").asText()).isEqualTo(before.path("headHash").asText());
            }
            assertThat(other.get("admin", "/api/v1/rule-sets").expect(200).json().findValuesAsText("id"))
                    .contains("EXPORT-TEST");
            // The restored ledger goes on: a new entry is appended after the restored ones
            JsonNode receipt = other.post("recorder", "/api/v1/officials/exp-1/entries",
                                          EntryExamples.STORY.get(5).body()).expect(201).json();
            assertThat(receipt.path("sequence").asLong()).isEqualTo(6);
        }
    }

    @Test
    void aFileThatIsNotAValidExport_isRefused_andNothingIsWritten() throws Exception {
        Path empty = Files.createDirectories(target.resolve("empty"));
        try (RunningLedger restored = RunningLedger.start(empty)) {
            Api other = new Api(restored);
            String text = new String(export, StandardCharsets.UTF_8);
            byte[] broken = text.replaceFirst("研究大气污染防治", "研究水污染防治").getBytes(StandardCharsets.UTF_8);
            JsonNode problem = other.upload("admin", "/api/v1/imports/ledger", "file", "x.ndjson", broken)
                                    .problem(400, "malformed-request");
            assertThat(problem.path("detail").asText()).contains("does not hash to its stored hash");
            other.get("auditor", "/api/v1/officials/exp-1/entries").problem(404, "not-found");
        }
    }
}
