package org.ecoledger.core.rules.ruleset;

import java.time.Instant;

/**
 * 规则集来源 (where the views get the rule sets they judge with): the versions a ledger knows — those shipped with it
 * and those an administrator added later — as an immutable {@link RuleSets} snapshot. A view asks once per answer, so
 * one answer is judged by one catalogue even while a version is being added.
 *
 * <p>{@link RuleSets} is itself a fixed catalogue; the application's implementation also reads the versions posted
 * to the store (by any node).
 */
public interface RuleSetCatalogue {

    /** Every version known now. */
    RuleSets current();

    /**
     * Every version that had been added by {@code instant} (a view as of a past moment judges with the rules the
     * ledger knew then, as it shows the entries recorded by then). Versions shipped with the ledger count as known
     * from the start. A fixed catalogue answers {@link #current()}.
     */
    default RuleSets knownAt(Instant instant) {
        return current();
    }
}
