package org.ecoledger.core.record;

import java.time.LocalDate;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 约谈 (summons), 003 Art. 14 and 000 ("约谈有关负责人，提出整改意见，限期整改"): the rectification deadline, when one is set,
 * is on or after the summons. It is the one date of an entry that may lie in the future.
 */
final class SummonsPolicy {

    private SummonsPolicy() {
    }

    /** {@link LedgerRule#SUMMONS_DEADLINE_BEFORE_SUMMONS}. */
    static void requireDeadline(LocalDate deadline, LocalDate summonedOn) {
        if (deadline != null && deadline.isBefore(summonedOn)) {
            throw new RuleViolationException(LedgerRule.SUMMONS_DEADLINE_BEFORE_SUMMONS, "rectificationDeadline",
                    deadline + " is before " + summonedOn);
        }
    }
}
