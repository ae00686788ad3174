package org.ecoledger.core.casefile;

import java.time.LocalDate;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 整改销号流程 (the rectify-and-close procedure), 002: a case moves forward only, one step at a time, and its dates
 * do not go backwards.
 */
final class CaseTransitionPolicy {

    private CaseTransitionPolicy() {
    }

    static void requireNextStep(CaseStatus current, CaseStatus requested) {
        if (current.next().filter(requested::equals).isEmpty()) {
            throw new RuleViolationException(LedgerRule.CASE_TRANSITION_NOT_NEXT_STEP, "status",
                    current + " → " + requested + "; the next step is "
                            + current.next().map(Enum::name).orElse("none (closed)"));
        }
    }

    static void requireNotBeforePrevious(LocalDate previous, LocalDate on) {
        if (on.isBefore(previous)) {
            throw new RuleViolationException(LedgerRule.CASE_TRANSITION_DATE_BEFORE_PREVIOUS, "on",
                    on + " is before the previous step on " + previous);
        }
    }
}
