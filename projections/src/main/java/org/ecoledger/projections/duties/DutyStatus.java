package org.ecoledger.projections.duties;

/** 履职判定 (the judgement of one duty in one period). */
public enum DutyStatus {
    /** 达标 — the minimum was reached */
    MET,
    /** 未达标 — the period was owed, is over, and the minimum was not reached */
    MISSED,
    /** 进行中 — the period has not ended by the view's date: not judged yet */
    IN_PROGRESS,
    /** 不计 — the post was not held in a way the rule set's partial-period rule counts */
    NOT_OWED,
    /** 无法记录 — the ledger has no entry type that evidences this duty (written reports): shown, never judged */
    NOT_RECORDABLE
}
