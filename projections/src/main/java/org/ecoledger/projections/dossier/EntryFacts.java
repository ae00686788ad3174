package org.ecoledger.projections.dossier;

import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.OneVetoCapacity;

/**
 * The facts of an official's record that dossiers and reviews show, one record type per kind of entry, each with its
 * sequence and the corrections applied to it ({@code correctedBy}).
 */
public final class EntryFacts {

    private EntryFacts() {
    }

    /** 约谈 (003 Art. 14; 000). */
    public record SummonsView(long sequence, LocalDate occurredOn, String by, String reason,
                              LocalDate rectificationDeadline, List<Long> correctedBy) {
    }

    /** 挂牌督办 (003 Art. 15). */
    public record ListedProblemView(long sequence, LocalDate occurredOn, String problemId, String jurisdictionCode,
                                    String description, List<Long> correctedBy) {
    }

    /**
     * 年度考核 (003 Art. 18).
     *
     * @param awardEligible whether the year keeps award eligibility: not a grade the rule set removes it for, no
     *                      Art. 18 condition (if the set says conditions remove it), and no one-veto of that year
     */
    public record AssessmentView(long sequence, int year, AssessmentGrade grade, List<Integer> conditions,
                                 LocalDate occurredOn, boolean awardEligible, String ruleSet, String article,
                                 List<Long> correctedBy) {
    }

    /** 一票否决 (001; 002). */
    public record OneVetoView(long sequence, int year, String unit, OneVetoCapacity capacity, String reason,
                              LocalDate occurredOn, List<Long> correctedBy) {
    }

    /** 问责移交 (003 Art. 16, 19, 20). */
    public record ReferralView(long sequence, LocalDate occurredOn, String reason, String referredTo) {
    }

    /** 问责决定 (003 Art. 20). */
    public record DecisionView(long sequence, LocalDate occurredOn, AccountabilityOutcome outcome) {
    }

    /**
     * 问责案件 (an accountability case: its referrals and decision). {@code open}: referred, not decided (by the view's
     * date). {@code lifetime}: the case id is also a lifetime-accountability case.
     */
    public record AccountabilityCaseView(String caseId, List<ReferralView> referrals, DecisionView decision,
                                         boolean open, boolean lifetime) {
    }

    /** 终身追责 (002): opened against a tenure of {@code postId}; {@code open} until a decision of its case id. */
    public record LifetimeCaseView(long sequence, String caseId, String postId, LocalDate damageOccurredOn,
                                   String description, LocalDate openedOn, DecisionView decision, boolean open,
                                   List<Long> correctedBy) {
    }

    /** 离任审计 (002). */
    public record DepartureAuditView(long sequence, LocalDate occurredOn, String postId, String conclusion,
                                     List<String> findings, List<Long> correctedBy) {
    }

    /** 目标责任书 (000). */
    public record LetterView(long sequence, LocalDate occurredOn, int year, String letterId, List<String> keyTasks,
                             List<Long> correctedBy) {
    }
}
