package org.ecoledger.core.record;

import java.time.LocalDate;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 在岗规则 (was the post held?): duties are recorded for a post the official held at the time (003 Art. 10, 11; 004);
 * a post is left only while held, and not before the appointment to it.
 */
final class TenurePolicy {

    private TenurePolicy() {
    }

    /** {@link LedgerRule#POST_NOT_HELD_ON_DATE}: the tenure of the post covering {@code date}. */
    static Tenure requireHeldOn(PostHistory posts, PostId postId, LocalDate date) {
        return posts.on(postId, date)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.POST_NOT_HELD_ON_DATE, "postId",
                        postId + " on " + date));
    }

    /** {@link LedgerRule#POST_NOT_HELD_ON_DATE}: one tenure of the post covers the whole period. */
    static Tenure requireHeldThroughout(PostHistory posts, PostId postId, LocalDate from, LocalDate to) {
        return posts.of(postId).stream()
                .filter(tenure -> tenure.coversAll(from, to))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(LedgerRule.POST_NOT_HELD_ON_DATE, "postId",
                        postId + " throughout " + from + " – " + to));
    }

    /** {@link LedgerRule#LEAVE_POST_NOT_HELD}, {@link LedgerRule#LEAVE_BEFORE_APPOINTMENT}. */
    static void requireLeavable(PostHistory posts, PostId postId, LocalDate on) {
        Tenure tenure = posts.open(postId)
                .orElseThrow(() -> new RuleViolationException(LedgerRule.LEAVE_POST_NOT_HELD, "postId",
                        postId.value()));
        if (on.isBefore(tenure.appointedOn())) {
            throw new RuleViolationException(LedgerRule.LEAVE_BEFORE_APPOINTMENT, "occurredOn",
                    on + " is before the appointment on " + tenure.appointedOn());
        }
    }
}
