package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 问责程序 (the accountability procedure), 003 Art. 20: a case is referred ("移交纪检监察、组织人事部门调查"), then
 * decided ("提出问责建议…按程序落实"). A decision needs a referral of that case dated on or before it. A case is decided
 * once; a changed outcome (an appeal, a review) is a CORRECTION of the decision, with its approver. A case may be
 * referred more than once (Art. 20 names both discipline inspection and the organization department).
 */
final class AccountabilityPolicy {

    private AccountabilityPolicy() {
    }

    /**
     * {@link LedgerRule#ACCOUNTABILITY_NOT_REFERRED}, {@link LedgerRule#ACCOUNTABILITY_ALREADY_DECIDED}.
     *
     * @param firstReferral the date of each case's first referral
     */
    static void requireDecidable(Map<AccountabilityCaseId, LocalDate> firstReferral,
                                 Set<AccountabilityCaseId> decided, AccountabilityCaseId caseId, LocalDate on) {
        LocalDate referred = firstReferral.get(caseId);
        if (referred == null || referred.isAfter(on)) {
            throw new RuleViolationException(LedgerRule.ACCOUNTABILITY_NOT_REFERRED, "caseId",
                    referred == null ? caseId + " was never referred"
                            : caseId + " was referred on " + referred + ", after " + on);
        }
        if (decided.contains(caseId)) {
            throw new RuleViolationException(LedgerRule.ACCOUNTABILITY_ALREADY_DECIDED, "caseId", caseId.value());
        }
    }
}
