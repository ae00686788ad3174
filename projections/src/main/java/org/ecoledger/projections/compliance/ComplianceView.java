package org.ecoledger.projections.compliance;

import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.rules.ruleset.Duty;
import org.ecoledger.projections.duties.DutyPeriodView;

/**
 * 履职合规 (compliance of a jurisdiction in a period): per post at the jurisdiction or one of its departments, held
 * during the period, each duty's periods that overlap the asked period (a monthly duty in a quarter: three months; a
 * quarterly duty in a month: its quarter), with what was required and done, as known now.
 */
public record ComplianceView(String jurisdictionCode, String period, LocalDate from, LocalDate to,
                             List<PostCompliance> posts) {

    /**
     * One tenure of a post that overlaps the period; {@code headSequence}: the last entry of the official's record
     * it was judged from.
     */
    public record PostCompliance(String officialId, String name, String postId, String jurisdictionCode,
                                 String departmentCode, Role role, ResponsibilityKind responsibilityKind,
                                 LocalDate tenureFrom, LocalDate tenureTo, long headSequence,
                                 List<DutyCompliance> duties) {
    }

    /**
     * One duty: its periods, how many were owed and over ({@code judged}: MET or MISSED), met and missed, and the
     * entries required and done over the judged periods (counts; a share of days is not summed: see the periods).
     */
    public record DutyCompliance(String ruleCode, Duty duty, String article, String ruleSet, int judged, int met,
                                 int missed, Integer required, int done, List<DutyPeriodView> periods) {
    }
}
