package org.ecoledger.core.record;

/** 考核档次 (grade of the yearly eco-environment assessment), 003 Art. 18. */
public enum AssessmentGrade {
    /** 优秀 */
    EXCELLENT,
    /** 合格 */
    QUALIFIED,
    /** 不合格 */
    UNQUALIFIED
}
