package org.ecoledger.api.log;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transparency log's settings, {@code ledger.log.*} (docs/transparency-log.md section 11, docs/operations.md).
 *
 * @param checkpointInterval new leaves wait at most this long for a signed checkpoint
 * @param checkpointEntries  a checkpoint is signed sooner once this many leaves were added since the last
 * @param verificationCron   when the whole ledger is verified (Spring cron, in {@code ledger.zone}); {@code -} never
 * @param evidenceWait       how long an evidence request waits for the log to reach the record's newest entry
 * @param witnesses          the witnesses whose cosignatures the ledger accepts
 */
@Validated
@ConfigurationProperties("ledger.log")
public record LogProperties(@NotNull @DefaultValue("10s") Duration checkpointInterval,
                            @Min(1) @DefaultValue("1000") long checkpointEntries,
                            @NotBlank @DefaultValue("0 0 3 * * *") String verificationCron,
                            @NotNull @DefaultValue("5s") Duration evidenceWait,
                            @Valid List<WitnessKey> witnesses) {

    /**
     * A witness the ledger trusts to cosign its checkpoints.
     *
     * @param name the witness's key name
     * @param key  its verifier key ({@code name+keyid+base64}, type 0x04), a PEM public key file, or the base64 of
     *             its 32-byte Ed25519 key
     */
    public record WitnessKey(@NotBlank String name, @NotBlank String key) {
    }

    public LogProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }
}
