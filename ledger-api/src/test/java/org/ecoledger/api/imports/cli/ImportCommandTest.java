package org.ecoledger.api.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code java -jar ledger.jar import …} against the running application: upload, progress bar, report. */
class ImportCommandTest {

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDir);
        new Api(ledger).city();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                                       new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void uploadsAFile_drawsTheProgress_andListsTheRejectedRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("台账.csv");
        Files.writeString(file, "officialId,type,occurredOn,name,postId,jurisdictionCode,role,responsibilityKind\n"
                + "cli-1,REGISTERED,2017-12-01,周八,,,,\n"
                + "cli-1,APPOINTED,2018-01-02,,cli-post," + Api.CITY + ",PARTY_SECRETARY,OVERALL\n"
                + "cli-1,APPOINTED,2018-01-03,,,,PARTY_SECRETARY,OVERALL\n", StandardCharsets.UTF_8);

        Run first = run("import", "--url", ledger.baseUrl(), "--user", "recorder", "--password", "recorder",
                        "--poll-millis", "50", file.toString());

        assertThat(first.status()).as(first.err()).isEqualTo(ImportCommand.REJECTED_ROWS);
        assertThat(first.err()).contains("[##############################] 100%  3/3 rows").contains("DONE");
        assertThat(first.out()).contains("DONE: 3 rows, 2 appended, 0 already in the ledger, 1 rejected")
                               .contains("row 4 postId: 必填 / is required");

        Run again = run("import", "--url", ledger.baseUrl() + "/", "--user", "recorder", "--password", "recorder",
                        file.toString());
        assertThat(again.out()).contains("DONE: 3 rows, 0 appended, 2 already in the ledger, 1 rejected");
    }

    @Test
    void wrongArgumentsOrCredentials_areReportedWithTheirStatus(@TempDir Path dir) throws Exception {
        assertThat(run("import", "--url", ledger.baseUrl()).status()).isEqualTo(ImportCommand.USAGE);
        assertThat(run("import", "--url", ledger.baseUrl(), "--user", "recorder", "--password", "x",
                       dir.resolve("missing.csv").toString()).status()).isEqualTo(ImportCommand.USAGE);
        Path file = Files.writeString(dir.resolve("a.ndjson"), "{}\n");
        Run refused = run("import", "--url", ledger.baseUrl(), "--user", "recorder", "--password", "wrong",
                          file.toString());
        assertThat(refused.status()).isEqualTo(ImportCommand.FAILED);
        assertThat(refused.err()).contains("the upload was refused: 401");
    }

    @Test
    void theBar_showsRowsRateAndTimeLeft() throws Exception {
        var status = new ObjectMapper().readTree("{\"status\":\"RUNNING\",\"rowsTotal\":100000,\"rows\":45000,"
                + "\"rowsPerSecond\":9800.0,\"secondsLeft\":6}");
        assertThat(ImportCommand.bar(status))
                .isEqualTo("[##############................]  45%  45,000/100,000 rows  9,800 rows/s  6 s left  RUNNING");
    }
}
