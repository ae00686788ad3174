package org.ecoledger.core.rules.ruleset;

/**
 * 履职事项 (a duty a rule set can demand of a post). Each duty is evidenced by one entry type of the record:
 *
 * <ul>
 *   <li>{@link #MEETING} — MEETING_HELD of one of the rule's bodies (003 Art. 10);</li>
 *   <li>{@link #DISPATCH_MEETING} — MEETING_HELD with body DISPATCH (003 Art. 12);</li>
 *   <li>{@link #LED_INSPECTION} — INSPECTION_LED (003 Art. 11);</li>
 *   <li>{@link #GRASSROOTS_DAYS} — GRASSROOTS_DAYS_REPORTED, a share of working days (004);</li>
 *   <li>{@link #WRITTEN_REPORT} — no entry type records a written report yet (003 Art. 17): the duty is listed as
 *       required and never judged, see {@link #recordable()}.</li>
 * </ul>
 */
public enum Duty {
    /** 研究生态环保工作的会议 (003 Art. 10) */
    MEETING(true),
    /** 带队检查/调研 (003 Art. 11) */
    LED_INSPECTION(true),
    /** 月分析调度会 (003 Art. 12) */
    DISPATCH_MEETING(true),
    /** 书面报告 (003 Art. 17) — not recordable in the ledger yet */
    WRITTEN_REPORT(false),
    /** 下基层天数 (004) */
    GRASSROOTS_DAYS(true);

    private final boolean recordable;

    Duty(boolean recordable) {
        this.recordable = recordable;
    }

    /** Whether an entry type of the record evidences this duty; if not, it is shown but never judged. */
    public boolean recordable() {
        return recordable;
    }
}
