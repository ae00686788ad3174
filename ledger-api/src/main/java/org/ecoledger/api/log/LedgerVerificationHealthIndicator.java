package org.ecoledger.api.log;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code ledgerVerification}: the last finished verification run. UP when it found
 * the ledger intact, DOWN when it found a problem (the first is shown), UNKNOWN before any run finished or when the
 * last run could not complete.
 */
public class LedgerVerificationHealthIndicator extends AbstractHealthIndicator {

    private final VerificationRuns runs;

    LedgerVerificationHealthIndicator(VerificationRuns runs) {
        super("The last verification run could not be read");
        this.runs = runs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        VerificationRuns.RunView last = runs.lastFinished().orElse(null);
        if (last == null) {
            builder.unknown().withDetail("lastRun", "none finished yet");
            return;
        }
        builder.withDetail("lastRun", last.runId()).withDetail("trigger", last.trigger())
               .withDetail("finishedAt", String.valueOf(last.finishedAt()));
        if (last.result() == null) {
            builder.unknown().withDetail("error", String.valueOf(last.error()));
            return;
        }
        VerificationRuns.Result result = last.result();
        builder.withDetail("valid", result.valid()).withDetail("events", result.events())
               .withDetail("records", result.records()).withDetail("problems", result.problemCount());
        if (result.valid()) {
            builder.up();
        } else {
            builder.down().withDetail("firstProblem", result.problems().get(0).item() + ": "
                    + result.problems().get(0).problem());
        }
    }
}
