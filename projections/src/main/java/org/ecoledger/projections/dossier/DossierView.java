package org.ecoledger.projections.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.projections.dossier.EntryFacts.AccountabilityCaseView;
import org.ecoledger.projections.dossier.EntryFacts.AssessmentView;
import org.ecoledger.projections.dossier.EntryFacts.DepartureAuditView;
import org.ecoledger.projections.dossier.EntryFacts.LetterView;
import org.ecoledger.projections.dossier.EntryFacts.LifetimeCaseView;
import org.ecoledger.projections.dossier.EntryFacts.ListedProblemView;
import org.ecoledger.projections.dossier.EntryFacts.OneVetoView;
import org.ecoledger.projections.dossier.EntryFacts.SummonsView;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.record.CorrectionState;

/**
 * 履职档案 (an official's dossier): posts and tenures, per tenure the duties required and done per period under the
 * rule set in force, the inspection cases of the place and below during the tenure, and the record's summons,
 * listed problems, assessments, one-vetoes, accountability and lifetime cases, departure audits, letters and
 * corrections — as known now (every correction applied) or as recorded by the end of {@code asOf}.
 *
 * @param asOf         the day of an as-of view, {@code null} for now
 * @param asOfInstant  the last instant included, {@code null} for now
 * @param viewDate     the day the view is about: the as-of day, or today for now and for an as-of day still ahead;
 *                     periods that have not ended by it (by yesterday, when it is today) are in progress
 * @param headSequence the last sequence included; the HTTP layer adds the head hash
 *                     ({@link org.ecoledger.projections.record.RecordHeadLookup})
 * @param ruleSets     the rule sets ({@code id@version}) that judged something in this dossier
 */
public record DossierView(String officialId, String name, LocalDate asOf, Instant asOfInstant, LocalDate viewDate,
                          long headSequence, List<String> ruleSets, List<PostView> posts, List<SummonsView> summons,
                          List<ListedProblemView> listedProblems, List<AssessmentView> assessments,
                          List<OneVetoView> oneVetoes, List<AccountabilityCaseView> accountabilityCases,
                          List<LifetimeCaseView> lifetimeCases, List<DepartureAuditView> departureAudits,
                          List<LetterView> responsibilityLetters, List<CorrectionState> corrections) {

    /** 岗位 (a post and the official's tenures of it). */
    public record PostView(String postId, String jurisdictionCode, String departmentCode, String placeName,
                           JurisdictionLevel level, Role role, ResponsibilityKind responsibilityKind,
                           List<TenureView> tenures) {
    }

    /**
     * 任期 (one tenure): its duties per period, the inspection cases of the place and below that were open at some
     * time during it, the lifetime cases opened against it and the departure audits of the post.
     *
     * @param missedDuties how many duty periods were missed
     */
    public record TenureView(LocalDate from, LocalDate to, long appointedSequence, Long leftSequence,
                             LeavingReason leavingReason, List<DutyPeriodView> duties, int missedDuties,
                             List<CaseInTenureView> inspectionCases, List<String> lifetimeCaseIds,
                             List<Long> departureAuditSequences) {
    }

    /**
     * 任期内督察交办件 (an inspection case of the post's place or below, open at some time during the tenure).
     *
     * @param status              as of the view
     * @param assignedDuringTenure assigned on a day of the tenure
     * @param closedDuringTenure   closed (销号) on a day of the tenure
     * @param openAtTenureEnd      not closed by the tenure's last day (or by the view's date while in post)
     */
    public record CaseInTenureView(String caseId, String jurisdictionCode, CaseSource source, CaseKind kind,
                                   String description, LocalDate assignedOn, CaseStatus status, LocalDate closedOn,
                                   boolean assignedDuringTenure, boolean closedDuringTenure,
                                   boolean openAtTenureEnd) {
    }
}
