package org.ecoledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar ledger.jar demo …}: options, a dry run, a load into an empty store and a refusal of a full one. */
class DemoCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return DemoCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRun_printsTheCityAndTheDigestOfItsCommands_withSizesInEitherForm() {
        int status = run("demo", "--dry-run", "--counties", "1", "--townships-per-county=2",
                "--villages-per-township", "2");
        assertThat(status).as(err()).isEqualTo(DemoCommand.LOADED);
        assertThat(out()).contains("示例市: 1 counties × 2 townships × 2 villages, seed 2018")
                         .contains("digest " + DemoCityGeneratorTest.SMALL_DIGEST)
                         .contains("ONE_VETO").contains("/promotion-review?on=2019-03-01");
    }

    @Test
    void badArguments_areRefusedWithTheUsage() {
        assertThat(run("demo", "--counties")).isEqualTo(DemoCommand.USAGE);
        assertThat(run("demo", "--counties", "0", "--dry-run")).isEqualTo(DemoCommand.USAGE);
        assertThat(run("demo", "stray")).isEqualTo(DemoCommand.USAGE);
        assertThat(err()).contains("needs a value").contains("counties must be between 1 and 16")
                         .contains("unknown argument stray").contains("usage: java -jar ledger.jar demo");
        assertThat(run("demo", "--help")).isEqualTo(DemoCommand.LOADED);
        assertThat(out()).contains("--dry-run");
    }

    @Test
    void theCommand_loadsIntoAnEmptyStore_andRefusesOneThatHoldsEvents(@TempDir Path dataDir) {
        String[] args = {"demo", "--counties", "1", "--townships-per-county", "2", "--villages-per-township", "1",
            "--ledger.data-dir=" + dataDir, "--ledger.embedded-mongodb-port=0"};
        assertThat(run(args)).as(err()).isEqualTo(DemoCommand.LOADED);
        assertThat(out()).contains("loaded in").contains("views and log");
        assertThat(run(args)).isEqualTo(DemoCommand.STORE_NOT_EMPTY);
        assertThat(err()).contains("already holds events");
    }
}
