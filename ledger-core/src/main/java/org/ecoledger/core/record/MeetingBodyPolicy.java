package org.ecoledger.core.record;

import static org.ecoledger.core.reference.JurisdictionLevel.CITY;
import static org.ecoledger.core.reference.JurisdictionLevel.COUNTY;
import static org.ecoledger.core.reference.JurisdictionLevel.TOWNSHIP;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 会议与岗位 (which post may record which meeting body), 003 Art. 10 and 12. The table, as data:
 *
 * <ul>
 *   <li>STANDING_COMMITTEE 党委常委会 — "市、县区委常委会": at a city or county, for the party secretary and the
 *       leadership members who sit on it (DEPUTY_IN_CHARGE, OTHER_MEMBER). The government head sits on it too in
 *       practice, but the meeting counts toward the party side's Art. 10 duty, so it is not recorded for that post.</li>
 *   <li>GOVERNMENT_EXECUTIVE 政府常务会 — "市政府常务会…县区政府常务会": at a city or county, for the government head,
 *       DEPUTY_IN_CHARGE and OTHER_MEMBER.</li>
 *   <li>JOINT_MEETING 乡镇(街道)党政联席会议: at a township, for its party and government leadership.</li>
 *   <li>DEPARTMENT 部门会议 — "市、县区负有生态环境保护监督管理职责的部门": department heads and deputies.</li>
 *   <li>DISPATCH 月分析调度会 — "市政府负责人每月主持召开": at a city, for the government head or the deputy in charge.</li>
 * </ul>
 * A village post records none of these bodies (the villages' "两委" meetings are outside 003's minimums).
 * DEPUTY_IN_CHARGE and OTHER_MEMBER do not say whether they are on the party or the government side, so both
 * bodies are open to them.
 */
final class MeetingBodyPolicy {

    private record Fit(Set<Role> roles, Set<JurisdictionLevel> levels) {
    }

    static final Map<MeetingBody, Fit> TABLE = new EnumMap<>(Map.of(
            MeetingBody.STANDING_COMMITTEE, new Fit(
                    EnumSet.of(Role.PARTY_SECRETARY, Role.DEPUTY_IN_CHARGE, Role.OTHER_MEMBER),
                    EnumSet.of(CITY, COUNTY)),
            MeetingBody.GOVERNMENT_EXECUTIVE, new Fit(
                    EnumSet.of(Role.GOVERNMENT_HEAD, Role.DEPUTY_IN_CHARGE, Role.OTHER_MEMBER),
                    EnumSet.of(CITY, COUNTY)),
            MeetingBody.JOINT_MEETING, new Fit(
                    EnumSet.of(Role.PARTY_SECRETARY, Role.GOVERNMENT_HEAD, Role.DEPUTY_IN_CHARGE, Role.OTHER_MEMBER),
                    EnumSet.of(TOWNSHIP)),
            MeetingBody.DEPARTMENT, new Fit(
                    EnumSet.of(Role.DEPARTMENT_HEAD, Role.DEPARTMENT_DEPUTY),
                    EnumSet.of(CITY, COUNTY, TOWNSHIP)),
            MeetingBody.DISPATCH, new Fit(
                    EnumSet.of(Role.GOVERNMENT_HEAD, Role.DEPUTY_IN_CHARGE),
                    EnumSet.of(CITY))));

    private MeetingBodyPolicy() {
    }

    /** {@link LedgerRule#MEETING_BODY_DOES_NOT_FIT_POST}. */
    static void requireFits(MeetingBody body, Role role, JurisdictionLevel level) {
        Fit fit = TABLE.get(body);
        if (!fit.roles().contains(role) || !fit.levels().contains(level)) {
            throw new RuleViolationException(LedgerRule.MEETING_BODY_DOES_NOT_FIT_POST, "body",
                    body + " for a " + role + " at a " + level);
        }
    }
}
