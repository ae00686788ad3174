package org.ecoledger.core.casefile;

/** 交办件类型 (kind of case), 002: a petition passed on by the inspection team, or an issue in its feedback. */
public enum CaseKind {
    /** 信访件 — a public petition or report assigned by the inspection team */
    PETITION,
    /** 督察反馈问题 — an issue named in the inspection's feedback */
    FEEDBACK_ISSUE
}
