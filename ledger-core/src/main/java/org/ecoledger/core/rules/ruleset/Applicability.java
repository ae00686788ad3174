package org.ecoledger.core.rules.ruleset;

import java.util.List;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;

/**
 * 适用岗位 (which posts a duty applies to): a post matches when its kind (jurisdiction or department post), the level
 * of its place (for a department, the level of the jurisdiction it belongs to), its role and its responsibility kind
 * are each in the lists. An empty {@code roles} or {@code responsibilityKinds} list means "any".
 */
public record Applicability(PostKind postKind, List<JurisdictionLevel> levels, List<Role> roles,
                            List<ResponsibilityKind> responsibilityKinds) {

    public Applicability {
        if (postKind == null) {
            throw new InvalidRuleSetException("postKind", "is required: JURISDICTION or DEPARTMENT");
        }
        if (levels == null || levels.isEmpty()) {
            throw new InvalidRuleSetException("levels", "needs at least one level");
        }
        levels = noNulls(levels, "levels", "a level");
        roles = roles == null ? List.of() : noNulls(roles, "roles", "a role");
        responsibilityKinds = responsibilityKinds == null ? List.of()
                : noNulls(responsibilityKinds, "responsibilityKinds", "a responsibility kind");
    }

    /** An unmodifiable copy of {@code items}; a {@code null} item is refused naming its index. */
    static <T> List<T> noNulls(List<T> items, String field, String what) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new InvalidRuleSetException(field + "[" + i + "]", "must be " + what + ", not null");
            }
        }
        return List.copyOf(items);
    }

    /** Whether a post of this kind, at a place of this level, with this role and kind, must carry the duty. */
    public boolean matches(PostKind kind, JurisdictionLevel level, Role role, ResponsibilityKind responsibility) {
        return postKind == kind
                && levels.contains(level)
                && (roles.isEmpty() || roles.contains(role))
                && (responsibilityKinds.isEmpty() || responsibilityKinds.contains(responsibility));
    }
}
