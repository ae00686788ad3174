package org.ecoledger.api.log;

import org.springframework.scheduling.annotation.Scheduled;

/** The nightly verification run: {@code ledger.log.verification-cron} in the ledger's zone ({@code -} disables it). */
public class ScheduledVerification {

    private final VerificationRuns runs;

    ScheduledVerification(VerificationRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${ledger.log.verification-cron:0 0 3 * * *}", zone = "${ledger.zone:Asia/Shanghai}")
    void verifyEverything() {
        runs.start("scheduled");
    }
}
