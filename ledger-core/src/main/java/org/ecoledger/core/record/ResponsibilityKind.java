package org.ecoledger.core.record;

/** 责任类型 (kind of responsibility a post bears), 003 Art. 4. */
public enum ResponsibilityKind {
    /** 全面领导责任 — the principal leader, first responsible person (第一责任人) of a place */
    OVERALL,
    /** 分管领导责任 — other leaders, for the work in their charge */
    IN_CHARGE,
    /** 主要领导责任 — the head of a department, its first responsible person */
    MAIN,
    /** 直接领导责任 — other leaders of a department, for the work in their charge */
    DIRECT
}
