package org.ecoledger.api;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's configuration, {@code ledger.*}. {@code application.yml} maps each environment variable of the
 * configuration table in {@code shared/API.md} (e.g. {@code LEDGER_DATA_DIR}) onto its property
 * ({@code ledger.data-dir}), so either form works; a property given on the command line wins.
 *
 * @param mode                whether this process runs the application or only the embedded store
 * @param dataDir             the embedded store's files, the development signing key, anything local
 * @param mongodbUri          a real MongoDB; when set, no embedded server starts (blank means unset)
 * @param embeddedMongodbPort loopback port of the embedded MongoDB-wire server; 0 picks any free port
 * @param demoData            load the demo city on first start of an empty store; unset means "on the embedded
 *                            default only"
 * @param zone                the zone in which dates are read
 * @param hashAlgorithm       {@code SHA-256} or {@code SM3}, fixed when the ledger is created
 * @param mongodbDatabase     the database name
 * @param logOrigin           the checkpoint's origin line
 * @param signingKey          Ed25519 private key, PKCS#8 PEM path (blank means unset)
 * @param sm2SigningKey       SM2 private key, PKCS#8 PEM path (blank means unset)
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @NotNull Mode mode,
        @NotNull Path dataDir,
        String mongodbUri,
        @Min(0) @Max(65535) int embeddedMongodbPort,
        Boolean demoData,
        @NotNull ZoneId zone,
        @NotNull @Pattern(regexp = "SHA-256|SM3", message = "must be SHA-256 or SM3") String hashAlgorithm,
        @NotBlank @Pattern(regexp = "[^/\\\\. \"$*<>:|?]{1,63}", message = "must be a MongoDB database name")
        String mongodbDatabase,
        @NotBlank String logOrigin,
        String signingKey,
        String sm2SigningKey) {

    /** What this process runs: {@code ledger.mode} or {@code LEDGER_MODE}. */
    public enum Mode {
        /** The application: HTTP API, Axon, and the embedded store unless {@code LEDGER_MONGODB_URI} is set. */
        APP,
        /** Only the embedded store, so that several application nodes can share it on one machine. */
        STORE,
        /** Only a witness that polls a ledger and cosigns its consistent checkpoints ({@code ledger.witness.*}). */
        WITNESS
    }

    public LedgerProperties {
        mongodbUri = blankToNull(mongodbUri);
        signingKey = blankToNull(signingKey);
        sm2SigningKey = blankToNull(sm2SigningKey);
    }

    /** The external MongoDB, if one is configured; otherwise the embedded store is used. */
    public Optional<String> externalMongodbUri() {
        return Optional.ofNullable(mongodbUri);
    }

    /** Whether this application runs its own embedded store (no {@code LEDGER_MONGODB_URI}). */
    public boolean embeddedStore() {
        return mongodbUri == null;
    }

    /** Whether to load the demo city into an empty store: as configured, else only on the embedded default. */
    public boolean demoDataEnabled() {
        return demoData != null ? demoData : embeddedStore();
    }

    /** The configured Ed25519 signing key file, if any. */
    public Optional<Path> signingKeyFile() {
        return Optional.ofNullable(signingKey).map(Path::of);
    }

    /** The configured SM2 signing key file, if any. */
    public Optional<Path> sm2SigningKeyFile() {
        return Optional.ofNullable(sm2SigningKey).map(Path::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
