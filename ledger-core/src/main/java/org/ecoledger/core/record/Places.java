package org.ecoledger.core.record;

import java.time.LocalDate;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.DepartmentOnDate;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.PlaceOnDate;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 岗位所在地 (the place of a post, seen through the {@link ReferenceDirectory}): the jurisdiction or department must
 * have existed on the date; a department's level is that of the jurisdiction it belongs to, which must have existed
 * too.
 */
final class Places {

    private Places() {
    }

    /** Where a post is, and at which level, on a date. */
    record PostPlace(boolean department, JurisdictionLevel level) {
    }

    static PostPlace requireOn(JurisdictionCode jurisdictionCode, DepartmentCode departmentCode, LocalDate date,
                               ReferenceDirectory directory, String field) {
        if (departmentCode != null) {
            DepartmentOnDate department = directory.departmentOn(departmentCode, date)
                    .orElseThrow(() -> new RuleViolationException(LedgerRule.DEPARTMENT_NOT_IN_EXISTENCE,
                            field == null ? "departmentCode" : field, departmentCode.value() + " on " + date));
            PlaceOnDate place = requireJurisdiction(department.jurisdictionCode(), date, directory,
                    field == null ? "departmentCode" : field);
            return new PostPlace(true, place.level());
        }
        PlaceOnDate place = requireJurisdiction(jurisdictionCode, date, directory,
                field == null ? "jurisdictionCode" : field);
        return new PostPlace(false, place.level());
    }

    static PlaceOnDate requireJurisdiction(JurisdictionCode code, LocalDate date, ReferenceDirectory directory,
                                           String field) {
        return directory.jurisdictionOn(code, date)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, field,
                        code.value() + " on " + date));
    }
}
