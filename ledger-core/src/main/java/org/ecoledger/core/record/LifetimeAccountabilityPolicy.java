package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 终身追责与离任审计 (lifetime accountability and departure audit), 002. Damage found after the official left still
 * attaches to the tenure during which it happened: a case may be opened at any time after the official left,
 * was promoted or retired, provided the damage occurred within a tenure of that post. A departure audit concerns a
 * post the official held by the audit's date; it may be completed while the official is still in post (the audit
 * is commonly done at the moment of leaving, before the LEFT_POST entry is recorded).
 */
final class LifetimeAccountabilityPolicy {

    private LifetimeAccountabilityPolicy() {
    }

    /**
     * {@link LedgerRule#LIFETIME_DAMAGE_AFTER_OPENING}, {@link LedgerRule#LIFETIME_POST_NEVER_HELD},
     * {@link LedgerRule#LIFETIME_DAMAGE_OUTSIDE_TENURE}.
     */
    static void requireDamageInTenure(PostHistory posts, PostId postId, LocalDate damageOn, LocalDate openedOn) {
        if (damageOn.isAfter(openedOn)) {
            throw new RuleViolationException(LedgerRule.LIFETIME_DAMAGE_AFTER_OPENING, "damageOccurredOn",
                    damageOn + " is after " + openedOn);
        }
        List<Tenure> tenures = posts.of(postId);
        if (tenures.isEmpty()) {
            throw new RuleViolationException(LedgerRule.LIFETIME_POST_NEVER_HELD, "postId", postId.value());
        }
        if (tenures.stream().noneMatch(tenure -> tenure.covers(damageOn))) {
            throw new RuleViolationException(LedgerRule.LIFETIME_DAMAGE_OUTSIDE_TENURE, "damageOccurredOn",
                    damageOn + " is outside every tenure of " + postId);
        }
    }

    /** {@link LedgerRule#DEPARTURE_AUDIT_POST_NEVER_HELD}. */
    static void requireAuditable(PostHistory posts, PostId postId, LocalDate auditedOn) {
        if (posts.of(postId).stream().noneMatch(tenure -> !tenure.appointedOn().isAfter(auditedOn))) {
            throw new RuleViolationException(LedgerRule.DEPARTURE_AUDIT_POST_NEVER_HELD, "postId",
                    postId + " by " + auditedOn);
        }
    }
}
