package org.ecoledger.projections.review;

/**
 * 审查提示 (the flags a promotion review raises), each with whether it blocks promotion and its message in Chinese and
 * English ({@code %s} placeholders filled by the review).
 */
public enum ReviewFlagCode {
    /** 一票否决 (001; 002): in the review year or the years before it the rule set weighs. */
    ONE_VETO(true, "%s年度被一票否决（%s），取消当年评先评优资格，作为干部选拔任用的重要依据",
            "One-veto for %s (%s): no award or \"excellent\" that year; it weighs in cadre selection"),
    /** 年度考核不合格 (003 Art. 18): among the last assessment years the rule set reviews. */
    UNQUALIFIED_ASSESSMENT(true, "%s年度考核不合格，取消评先评优资格并降低考评档次",
            "Assessed UNQUALIFIED for %s: award eligibility lost and the assessment tier lowered"),
    /** 连续两年不合格 (000): the principal's post must be adjusted. */
    POST_MUST_BE_ADJUSTED(true, "连续%s年（%s）考核不合格，应当调整其主要负责人工作岗位",
            "UNQUALIFIED %s years in a row (%s): the principal's post must be adjusted"),
    /** 问责案件未结 (003 Art. 16, 19, 20): referred, not decided. */
    OPEN_ACCOUNTABILITY_CASE(true, "问责案件%s已移交尚未作出决定", "Accountability case %s is referred and not decided"),
    /** 终身追责案件未结 (002). */
    OPEN_LIFETIME_CASE(true, "终身追责案件%s（岗位%s）尚未作出决定",
            "Lifetime-accountability case %s (post %s) is not decided"),
    /** 近期被约谈 (003 Art. 14; 000): advisory. */
    RECENT_SUMMONS(false, "%s被%s约谈：%s", "Summoned on %s by %s: %s"),
    /** 履职未达最低要求 (003 Arts 10–12; 004): advisory. */
    DUTY_MINIMUM_MISSED(false, "岗位%1$s未达到%2$s的最低要求（%3$s）：%4$s",
            "Post %1$s missed the minimum of %2$s (%5$s) in: %4$s"),
    /** 无适用规则集: the review date precedes every rule set; rule-based checks were not made. */
    NO_RULE_SET_IN_FORCE(false, "%s无适用的规则集，未作规则核查", "No rule set was in force on %s: no rule was checked");

    private final boolean blocking;
    private final String chinese;
    private final String english;

    ReviewFlagCode(boolean blocking, String chinese, String english) {
        this.blocking = blocking;
        this.chinese = chinese;
        this.english = english;
    }

    public boolean blocking() {
        return blocking;
    }

    /** The message in Chinese, then English. */
    public String message(Object... arguments) {
        return String.format(chinese, arguments) + " / " + String.format(english, arguments);
    }
}
