package org.ecoledger.api.demo;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code demoCity}: whether the demo city is being loaded, how far it has got, or
 * why nothing was loaded. Always UP: the ledger serves while the demo loads, and a failed demo load does not make
 * the ledger unhealthy (the state says FAILED and why).
 */
final class DemoCityHealthIndicator extends AbstractHealthIndicator {

    private final DemoCityStatus status;

    DemoCityHealthIndicator(DemoCityStatus status) {
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(status.details());
    }
}
