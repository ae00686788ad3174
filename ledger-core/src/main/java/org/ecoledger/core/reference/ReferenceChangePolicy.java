package org.ecoledger.core.reference;

import java.time.LocalDate;
import java.util.Optional;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 区划变更规则 (rules for registering and changing reference data). History is appended in date order, so the tree
 * before a change's date is never altered; a place takes its parent one level up, existing when it starts; a merge
 * goes into another place of the same level.
 */
final class ReferenceChangePolicy {

    private ReferenceChangePolicy() {
    }

    /**
     * A change dated {@code on} of a place that existed from {@code validFrom}, last changed {@code lastChangeOn},
     * and ended on {@code endedOn} (if it did): {@link LedgerRule#REFERENCE_CHANGE_OUT_OF_ORDER} when {@code on}
     * is not after validFrom or is before the latest change; {@link LedgerRule#REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE}
     * when the place had ended by then.
     */
    static void requireChangeInOrder(LocalDate on, LocalDate validFrom, LocalDate lastChangeOn,
                                     Optional<LocalDate> endedOn) {
        if (!on.isAfter(validFrom) || on.isBefore(lastChangeOn)) {
            throw new RuleViolationException(LedgerRule.REFERENCE_CHANGE_OUT_OF_ORDER, "on",
                    "on " + on + ", valid from " + validFrom + ", latest change " + lastChangeOn);
        }
        if (endedOn.isPresent()) {
            throw new RuleViolationException(LedgerRule.REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE, "on",
                    "no longer exists from " + endedOn.get());
        }
    }

    /**
     * The parent of a place of {@code level}, on {@code date}: none for a city; for others, one that existed on
     * that date at exactly one level up.
     */
    static void requireParent(JurisdictionLevel level, JurisdictionCode parentCode, LocalDate date,
                              ReferenceDirectory directory) {
        Optional<JurisdictionLevel> expected = level.parentLevel();
        if (expected.isEmpty()) {
            if (parentCode != null) {
                throw new RuleViolationException(LedgerRule.JURISDICTION_CITY_HAS_NO_PARENT, "parentCode");
            }
            return;
        }
        if (parentCode == null) {
            throw new RuleViolationException(LedgerRule.JURISDICTION_PARENT_REQUIRED, "parentCode");
        }
        PlaceOnDate parent = directory.jurisdictionOn(parentCode, date)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE,
                        "parentCode", parentCode.value() + " on " + date));
        if (parent.level() != expected.get()) {
            throw new RuleViolationException(LedgerRule.JURISDICTION_PARENT_LEVEL_MISMATCH, "parentCode",
                    "a " + level + " needs a " + expected.get() + " parent; " + parentCode.value() + " is a "
                            + parent.level());
        }
    }

    /** A merge of {@code code} (at {@code level}) into {@code intoCode} on {@code on}. */
    static void requireMergeTarget(JurisdictionCode code, JurisdictionLevel level, JurisdictionCode intoCode,
                                   LocalDate on, ReferenceDirectory directory) {
        if (intoCode.equals(code)) {
            throw new RuleViolationException(LedgerRule.JURISDICTION_MERGE_TARGET_INVALID, "intoCode",
                    "a place cannot be merged into itself");
        }
        PlaceOnDate into = directory.jurisdictionOn(intoCode, on)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE,
                        "intoCode", intoCode.value() + " on " + on));
        if (into.level() != level) {
            throw new RuleViolationException(LedgerRule.JURISDICTION_MERGE_TARGET_INVALID, "intoCode",
                    "a " + level + " cannot merge into a " + into.level());
        }
    }

    /** A department belongs to a city, county or township that existed when it was created. */
    static void requireDepartmentPlace(JurisdictionCode jurisdictionCode, LocalDate validFrom,
                                       ReferenceDirectory directory) {
        PlaceOnDate place = directory.jurisdictionOn(jurisdictionCode, validFrom)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE,
                        "jurisdictionCode", jurisdictionCode.value() + " on " + validFrom));
        if (place.level() == JurisdictionLevel.VILLAGE) {
            throw new RuleViolationException(LedgerRule.DEPARTMENT_AT_VILLAGE, "jurisdictionCode");
        }
    }
}
