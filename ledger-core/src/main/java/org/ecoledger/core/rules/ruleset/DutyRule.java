package org.ecoledger.core.rules.ruleset;

import java.util.List;
import org.ecoledger.core.record.MeetingBody;

/**
 * 履职要求 (one duty of a rule set): what the posts it applies to must do, how often and how much, and the article
 * that says so.
 *
 * @param code        stable within the rule set, e.g. {@code ART10_COUNTY_GOVERNMENT_EXECUTIVE}
 * @param duty        what must be done
 * @param appliesTo   the posts that must do it
 * @param period      the period the minimum is counted over
 * @param minimum     a count of entries, or a share of working days
 * @param bodies      for {@link Duty#MEETING} and {@link Duty#DISPATCH_MEETING}: the meeting bodies that count; empty
 *                    otherwise
 * @param article     the source, e.g. {@code 003 Art. 10}
 * @param description what the article asks, in Chinese
 */
public record DutyRule(String code, Duty duty, Applicability appliesTo, DutyPeriod period, Minimum minimum,
                       List<MeetingBody> bodies, String article, String description) {

    public DutyRule {
        requireText(code, "code");
        requireText(article, "article");
        required(duty, "duty");
        required(appliesTo, "appliesTo");
        required(period, "period");
        required(minimum, "minimum");
        bodies = bodies == null ? List.of() : Applicability.noNulls(bodies, "bodies", "a meeting body");
        boolean meeting = duty == Duty.MEETING || duty == Duty.DISPATCH_MEETING;
        if (meeting == bodies.isEmpty()) {
            throw new InvalidRuleSetException("bodies", "duty " + code + ": meeting duties (MEETING, "
                    + "DISPATCH_MEETING), and only they, name the meeting bodies that count");
        }
        if ((duty == Duty.GRASSROOTS_DAYS) == (minimum.share() == null)) {
            throw new InvalidRuleSetException("minimum", "duty " + code + ": grassroots days, and only they, take a "
                    + "share (the others a count)");
        }
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRuleSetException(field, "is required");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidRuleSetException(field, "is required");
        }
    }
}
