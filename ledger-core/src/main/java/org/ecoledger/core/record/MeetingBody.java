package org.ecoledger.core.record;

/**
 * 会议类型 (body of a meeting that studied eco-environment work), 003 Art. 10 and 12. Which post may record which
 * body is decided in {@link MeetingBodyPolicy}.
 */
public enum MeetingBody {
    /** 党委常委会 — city or county party standing committee (at least quarterly, Art. 10) */
    STANDING_COMMITTEE,
    /** 政府常务会 — city (quarterly) or county (monthly) government executive meeting (Art. 10) */
    GOVERNMENT_EXECUTIVE,
    /** 乡镇(街道)党政联席会议 — township party-government joint meeting (monthly, Art. 10) */
    JOINT_MEETING,
    /** 部门会议 — a city or county department with eco duties (monthly, Art. 10) */
    DEPARTMENT,
    /** 月分析调度会 — monthly analysis and dispatch meeting chaired by a city government leader (Art. 12) */
    DISPATCH
}
