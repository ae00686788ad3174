package org.ecoledger.core.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * 记录规则 (the rules of the record): every reason the ledger refuses an entry that is well-formed but contradicts
 * the record, the reference data, the calendar or itself. This enum is the one place that lists them all; the
 * policies that check them live beside the aggregate they guard and name their rule from here.
 *
 * <p>Each rule has a stable {@link #code()} (callers, tests and the HTTP layer match on it, never on the message),
 * the source article it comes from (the seeds in {@code shared/seeds}, or "ledger" where the rule is the ledger's
 * own, decided in {@code docs/rules.md}), and a message in Chinese and English that a recorder understands.
 *
 * <p>A malformed entry (a missing or blank field, a negative count, a bad identifier) is not a rule violation but
 * an {@link InvalidEntryException}.
 */
public enum LedgerRule {

    // --- dates, for every entry ---
    DATE_IN_FUTURE("ledger",
            "日期晚于今天：台账只记录已经发生的事实",
            "The date is in the future: the ledger records facts that have happened"),
    DATE_BEFORE_LEDGER_EPOCH("ledger",
            "日期早于1949年10月1日",
            "The date is before 1 October 1949"),
    YEAR_OUT_OF_RANGE("ledger; 003 Art. 18; 000",
            "年度与记录日期不相符（考核、一票否决不能针对尚未开始的年度；责任书只能是当年或下一年度）",
            "The year does not fit the entry's date (an assessment or one-veto cannot concern a year not yet begun; "
                    + "a responsibility letter is for the current or the next year)"),

    // --- reference data seen from an entry ---
    JURISDICTION_NOT_IN_EXISTENCE("ledger (行政区划)",
            "该行政区域在该日期不存在",
            "The jurisdiction did not exist on that date"),
    DEPARTMENT_NOT_IN_EXISTENCE("ledger (职能部门)",
            "该职能部门在该日期不存在",
            "The department did not exist on that date"),

    // --- APPOINTED ---
    APPOINTMENT_POST_ALREADY_HELD("ledger",
            "本人已担任该岗位，不能重复任职",
            "The official already holds this post on that date"),
    APPOINTMENT_KIND_DOES_NOT_FIT_ROLE("003 Art. 4",
            "责任类型与职务不符（主要领导负全面领导责任，部门主要负责人负主要领导责任，部门其他负责人负直接领导责任，"
                    + "其他负责人负分管领导责任）",
            "The responsibility kind does not fit the role (principals bear overall, department heads main, "
                    + "department deputies direct, other leaders in-charge responsibility)"),
    APPOINTMENT_ROLE_NEEDS_DEPARTMENT("003 Art. 4",
            "部门负责人职务须任职于职能部门",
            "A department role needs a department"),
    APPOINTMENT_ROLE_NEEDS_JURISDICTION("003 Art. 4",
            "党委、政府及村两委职务须任职于行政区域，而非职能部门",
            "A party, government or village role needs a jurisdiction, not a department"),
    APPOINTMENT_VILLAGE_ROLE_MISMATCH("001",
            "村党支部书记、村委会主任只能任职于村（社区），村（社区）不设其他党政职务",
            "Village secretary and village director serve only at a village; a village has no other party or "
                    + "government posts"),

    // --- LEFT_POST ---
    LEAVE_POST_NOT_HELD("ledger",
            "本人当前未担任该岗位",
            "The official does not currently hold this post"),
    LEAVE_BEFORE_APPOINTMENT("ledger",
            "离任日期早于任职日期",
            "The leaving date is before the appointment to the post"),

    // --- duties: meetings, led inspections, grassroots days ---
    POST_NOT_HELD_ON_DATE("003 Art. 10, 11; 004",
            "本人在该日期（期间）未担任该岗位",
            "The official did not hold this post on that date (for that period)"),
    MEETING_BODY_DOES_NOT_FIT_POST("003 Art. 10, 12",
            "会议类型与岗位不符（常委会限市、县党委，常务会限市、县政府，党政联席会议限乡镇，部门会议限职能部门，"
                    + "月分析调度会由市政府负责人主持）",
            "The meeting body does not fit the post (standing committee: city/county party; executive meeting: "
                    + "city/county government; joint meeting: township; department meeting: departments; "
                    + "dispatch meeting: chaired by a city government leader)"),
    PERIOD_END_BEFORE_START("004",
            "统计期末早于期初",
            "The period ends before it starts"),
    GRASSROOTS_DAYS_EXCEED_WORKING_DAYS("004",
            "下基层天数超过工作日数",
            "The grassroots days exceed the working days"),
    GRASSROOTS_WORKING_DAYS_EXCEED_PERIOD("004",
            "工作日数超过统计期的天数",
            "The working days exceed the number of days in the period"),

    // --- SUMMONED ---
    SUMMONS_DEADLINE_BEFORE_SUMMONS("003 Art. 14; 000",
            "整改期限早于约谈日期",
            "The rectification deadline is before the summons"),

    // --- ANNUAL_ASSESSMENT ---
    ASSESSMENT_YEAR_ALREADY_RECORDED("003 Art. 18",
            "该年度考核结果已记录；如需改变，请提交更正",
            "The assessment of that year is already recorded; submit a correction to change it"),
    ASSESSMENT_CONDITION_UNKNOWN("003 Art. 18",
            "考核情形须为第十八条所列第（一）至（十二）项",
            "An assessment condition must be one of items 1 to 12 of Art. 18"),
    ASSESSMENT_CONDITION_DUPLICATED("003 Art. 18",
            "考核情形重复",
            "An assessment condition is listed twice"),
    ASSESSMENT_EXCELLENT_WITH_CONDITIONS("003 Art. 18",
            "存在第十八条所列情形之一的，不能评为优秀",
            "An assessment with any Art. 18 condition cannot be EXCELLENT"),
    ASSESSMENT_EXCELLENT_AFTER_ONE_VETO("001; 002",
            "当年被一票否决的，不能评为优秀",
            "An official under a one-veto for that year cannot be assessed EXCELLENT"),

    // --- ONE_VETO ---
    ONE_VETO_CAPACITY_NOT_HELD("001; 002",
            "本人当年未以该身份任职（主要领导须负全面或主要领导责任，分管领导须负分管或直接领导责任，直接责任人须当年有任职）",
            "The official did not serve in that capacity that year (principal: overall or main responsibility; "
                    + "deputy in charge: in-charge or direct responsibility; directly responsible: any post)"),

    // --- ACCOUNTABILITY_* ---
    ACCOUNTABILITY_NOT_REFERRED("003 Art. 20",
            "该问责案件此前未移交，不能作出问责决定",
            "The accountability case was not referred before this decision"),
    ACCOUNTABILITY_ALREADY_DECIDED("003 Art. 20",
            "该问责案件已作出决定；如需改变，请提交更正",
            "The accountability case is already decided; submit a correction to change it"),

    // --- LIFETIME_ACCOUNTABILITY_OPENED ---
    LIFETIME_POST_NEVER_HELD("002",
            "本人从未担任该岗位，不能对该岗位启动终身追责",
            "The official never held this post"),
    LIFETIME_DAMAGE_OUTSIDE_TENURE("002",
            "生态环境损害发生日期不在本人该岗位任期内",
            "The damage did not occur during the official's tenure of this post"),
    LIFETIME_DAMAGE_AFTER_OPENING("002",
            "损害发生日期晚于追责启动日期",
            "The damage is dated after the case was opened"),

    // --- DEPARTURE_AUDIT_COMPLETED ---
    DEPARTURE_AUDIT_POST_NEVER_HELD("002",
            "本人在审计完成日之前从未担任该岗位",
            "The official had never held this post by the date of the audit"),

    // --- CORRECTION ---
    CORRECTION_TARGET_NOT_FOUND("ledger",
            "要更正的记录序号不存在",
            "There is no entry with that sequence to correct"),
    CORRECTION_TARGET_NOT_CORRECTABLE("ledger",
            "建档记录和更正记录本身不能被更正（请对原记录再次更正）",
            "The registration and corrections cannot be corrected (correct the original entry again)"),
    CORRECTION_TYPE_MISMATCH("ledger",
            "更正内容的类型与被更正记录的类型不同",
            "The replacement is of a different type than the corrected entry"),

    // --- inspection cases ---
    CASE_TRANSITION_NOT_NEXT_STEP("002",
            "交办件状态只能按 交办→整改中→已整改→销号 逐步推进",
            "A case moves only one step forward: ASSIGNED → RECTIFYING → RECTIFIED → CLOSED"),
    CASE_TRANSITION_DATE_BEFORE_PREVIOUS("002",
            "状态变更日期早于上一步",
            "The transition is dated before the previous step"),

    // --- jurisdictions and departments ---
    JURISDICTION_PARENT_REQUIRED("ledger (行政区划)",
            "县、乡镇、村须有上级行政区域",
            "A county, township or village needs a parent"),
    JURISDICTION_CITY_HAS_NO_PARENT("ledger (行政区划)",
            "市是最高一级，没有上级行政区域",
            "A city is the top level and has no parent"),
    JURISDICTION_PARENT_LEVEL_MISMATCH("ledger (行政区划)",
            "上级行政区域须恰好高一级（市←县←乡镇←村）",
            "The parent must be exactly one level up (city ← county ← township ← village)"),
    JURISDICTION_MERGE_TARGET_INVALID("ledger (行政区划)",
            "只能并入另一个同级行政区域",
            "A place can only be merged into another place of the same level"),
    REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE("ledger (行政区划)",
            "变更日期时该区域（部门）不存在（尚未设立、已合并或已撤销）",
            "The place (department) does not exist on the date of the change (not yet created, merged or abolished)"),
    REFERENCE_CHANGE_OUT_OF_ORDER("ledger (行政区划)",
            "变更日期早于设立日期或上一次变更",
            "The change is dated on or before the creation, or before the latest change"),
    DEPARTMENT_AT_VILLAGE("ledger (职能部门)",
            "村（社区）不设职能部门",
            "A village has no departments");

    private final String article;
    private final String messageZh;
    private final String messageEn;

    LedgerRule(String article, String messageZh, String messageEn) {
        this.article = article;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The stable code callers match on; equal to the constant's name. */
    public String code() {
        return name();
    }

    /** The source of the rule: a seed document and article, or "ledger" for the ledger's own decisions. */
    public String article() {
        return article;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** The rule with that code, if any. */
    public static Optional<LedgerRule> byCode(String code) {
        return Arrays.stream(values()).filter(rule -> rule.name().equals(code)).findFirst();
    }
}
