package org.ecoledger.api.witness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The witness mode's settings, {@code ledger.witness.*}.
 *
 * @param ledgerUrl    the ledger's base URL, e.g. {@code https://ledger.example.org}
 * @param name         the witness's key name (no spaces, no {@code +}), e.g. {@code witness.example.org/w1}
 * @param key          the witness's Ed25519 private key, PKCS#8 PEM; generated there (owner-only) if absent;
 *                     default {@code <state-dir>/witness-key.pem}
 * @param stateDir     where the witness keeps the last checkpoint it accepted, the pinned log keys and refusals
 * @param pollInterval how often it polls the ledger
 * @param logKeys      the ledger's verifier keys the witness trusts; empty: pinned from the ledger on first contact
 * @param username     HTTP Basic user for the ledger (a role that may read the log), if any
 * @param password     its password
 * @param hashAlgorithm the ledger's hash algorithm ({@code SHA-256} or {@code SM3}), for verifying its proofs
 */
@Validated
@ConfigurationProperties("ledger.witness")
public record WitnessProperties(@NotNull URI ledgerUrl,
                                @NotBlank String name,
                                Path key,
                                @NotNull @DefaultValue("./witness") Path stateDir,
                                @NotNull @DefaultValue("10s") Duration pollInterval,
                                List<String> logKeys,
                                String username,
                                String password,
                                @NotNull @DefaultValue("SHA-256") String hashAlgorithm) {

    public WitnessProperties {
        logKeys = logKeys == null ? List.of() : List.copyOf(logKeys);
    }

    /** The key file: as configured, else in the state directory. */
    public Path keyFile() {
        return key != null ? key : stateDir.resolve("witness-key.pem");
    }
}
