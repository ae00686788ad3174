package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 一票否决对象 (who a one-veto may hit), 001 and 002: "单位的主要领导、分管领导和直接责任人". The capacity must match a
 * post the official held at some time in that year:
 * <ul>
 *   <li>PRINCIPAL 主要领导 — a post with OVERALL or MAIN responsibility;</li>
 *   <li>DEPUTY_IN_CHARGE 分管领导 — a post with IN_CHARGE responsibility, or DIRECT: a department deputy is the
 *       分管领导 of a department (003 Art. 4; 002 names "分管领导、主要或直接责任人" of departments);</li>
 *   <li>DIRECTLY_RESPONSIBLE 直接责任人 — any post.</li>
 * </ul>
 */
final class OneVetoPolicy {

    static final Map<OneVetoCapacity, Set<ResponsibilityKind>> KINDS_OF_CAPACITY = new EnumMap<>(Map.of(
            OneVetoCapacity.PRINCIPAL, EnumSet.of(ResponsibilityKind.OVERALL, ResponsibilityKind.MAIN),
            OneVetoCapacity.DEPUTY_IN_CHARGE, EnumSet.of(ResponsibilityKind.IN_CHARGE, ResponsibilityKind.DIRECT),
            OneVetoCapacity.DIRECTLY_RESPONSIBLE, EnumSet.allOf(ResponsibilityKind.class)));

    private OneVetoPolicy() {
    }

    /** {@link LedgerRule#ONE_VETO_CAPACITY_NOT_HELD}. */
    static void requireCapacityHeld(PostHistory posts, int year, OneVetoCapacity capacity) {
        Set<ResponsibilityKind> kinds = KINDS_OF_CAPACITY.get(capacity);
        boolean held = posts.overlapping(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .anyMatch(tenure -> kinds.contains(tenure.responsibilityKind()));
        if (!held) {
            throw new RuleViolationException(LedgerRule.ONE_VETO_CAPACITY_NOT_HELD, "capacity",
                    capacity + " in " + year + " needs a post with " + kinds + " responsibility that year");
        }
    }
}
