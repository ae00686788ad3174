package org.ecoledger.core.rules.ruleset;

/**
 * 任期不满周期的处理 (how a tenure that starts or ends inside a period counts toward that period's minimum).
 */
public enum PartialPeriodRule {
    /**
     * A period is owed only if the post was held on every day of it. A partial period is shown with what was done,
     * but neither incoming nor outgoing official is judged for it. The default of QHD-2018: 003 binds the body
     * ("常委会每季度至少研究1次"), and in a handover period the body's meeting may well be on the other official's record.
     */
    WHOLE_PERIOD,
    /** A period is owed by whoever held the post on its last day. */
    HELD_AT_PERIOD_END,
    /**
     * A count is owed in proportion to the days held, rounded up: ⌈count × daysHeld / daysInPeriod⌉ (integers only); a
     * share of working days is owed unchanged over the reports filed.
     */
    PRORATED
}
