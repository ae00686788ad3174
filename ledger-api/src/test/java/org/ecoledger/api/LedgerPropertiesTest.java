package org.ecoledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The configuration table of API.md through {@code application.yml}: the environment variables (given here as
 * system properties, which the placeholders resolve the same way) and the matching Spring properties.
 */
class LedgerPropertiesTest {

    @EnableConfigurationProperties(LedgerProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bind.class);

    @Test
    void defaults_areThoseOfTheTable() {
        runner.run(context -> {
            LedgerProperties properties = context.getBean(LedgerProperties.class);
            assertThat(properties.mode()).isEqualTo(LedgerProperties.Mode.APP);
            assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
            assertThat(properties.externalMongodbUri()).isEmpty();
            assertThat(properties.embeddedStore()).isTrue();
            assertThat(properties.embeddedMongodbPort()).isEqualTo(27018);
            assertThat(properties.demoDataEnabled()).isTrue();
            assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(properties.hashAlgorithm()).isEqualTo("SHA-256");
            assertThat(properties.mongodbDatabase()).isEqualTo("ledger");
            assertThat(properties.logOrigin()).isEqualTo("ledger.local/eco-accountability");
            assertThat(properties.signingKeyFile()).isEmpty();
            assertThat(properties.sm2SigningKeyFile()).isEmpty();
            assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8080");
        });
    }

    @Test
    void environmentVariables_areMappedOntoTheProperties() {
        runner.withSystemProperties(
                        "SERVER_PORT=9090",
                        "LEDGER_MODE=store",
                        "LEDGER_DATA_DIR=/var/lib/ledger",
                        "LEDGER_MONGODB_URI=mongodb://mongo1,mongo2/?replicaSet=rs0",
                        "LEDGER_EMBEDDED_MONGODB_PORT=0",
                        "LEDGER_DEMO_DATA=true",
                        "LEDGER_ZONE=UTC",
                        "LEDGER_HASH_ALGORITHM=SM3",
                        "LEDGER_MONGODB_DATABASE=ledger_test",
                        "LEDGER_LOG_ORIGIN=example.org/log",
                        "LEDGER_SIGNING_KEY=/keys/ed25519.pem",
                        "LEDGER_SM2_SIGNING_KEY=/keys/sm2.pem")
                .run(context -> {
                    LedgerProperties properties = context.getBean(LedgerProperties.class);
                    assertThat(properties.mode()).isEqualTo(LedgerProperties.Mode.STORE);
                    assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/ledger"));
                    assertThat(properties.externalMongodbUri()).contains("mongodb://mongo1,mongo2/?replicaSet=rs0");
                    assertThat(properties.embeddedStore()).isFalse();
                    assertThat(properties.embeddedMongodbPort()).isZero();
                    assertThat(properties.demoDataEnabled()).isTrue();
                    assertThat(properties.zone()).isEqualTo(ZoneId.of("UTC"));
                    assertThat(properties.hashAlgorithm()).isEqualTo("SM3");
                    assertThat(properties.mongodbDatabase()).isEqualTo("ledger_test");
                    assertThat(properties.logOrigin()).isEqualTo("example.org/log");
                    assertThat(properties.signingKeyFile()).contains(Path.of("/keys/ed25519.pem"));
                    assertThat(properties.sm2SigningKeyFile()).contains(Path.of("/keys/sm2.pem"));
                    assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("9090");
                });
    }

    @Test
    void springProperties_win_overTheEnvironmentVariables() {
        runner.withSystemProperties("LEDGER_DATA_DIR=/from/env")
                .withPropertyValues("ledger.data-dir=/from/property", "ledger.embedded-mongodb-port=27099")
                .run(context -> {
                    LedgerProperties properties = context.getBean(LedgerProperties.class);
                    assertThat(properties.dataDir()).isEqualTo(Path.of("/from/property"));
                    assertThat(properties.embeddedMongodbPort()).isEqualTo(27099);
                });
    }

    @Test
    void demoData_isOffByDefault_onAnExternalStore() {
        runner.withPropertyValues("ledger.mongodb-uri=mongodb://db/").run(context ->
                assertThat(context.getBean(LedgerProperties.class).demoDataEnabled()).isFalse());
    }

    @Test
    void invalidValues_stopTheStart_naming_theProperty() {
        runner.withPropertyValues("ledger.hash-algorithm=MD5").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("hashAlgorithm"));
        runner.withPropertyValues("ledger.embedded-mongodb-port=70000").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("embeddedMongodbPort"));
        runner.withPropertyValues("ledger.mongodb-database=a/b").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("mongodbDatabase"));
        runner.withPropertyValues("ledger.zone=Mars/Olympus").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void theMode_isReadBeforeAnyContext_fromTheCommandLine() {
        assertThat(LedgerApplication.modeOf()).isEqualTo(LedgerProperties.Mode.APP);
        assertThat(LedgerApplication.modeOf("--ledger.mode=store")).isEqualTo(LedgerProperties.Mode.STORE);
        assertThat(LedgerApplication.modeOf("--ledger.mode=APP")).isEqualTo(LedgerProperties.Mode.APP);
        assertThat(LedgerApplication.modeOf("--ledger.mode=witness")).isEqualTo(LedgerProperties.Mode.WITNESS);
    }
}
