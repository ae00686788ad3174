package org.ecoledger.core.rules.ruleset;

/** 岗位所在 (where a post is): at a jurisdiction's party committee or government, or at a department. */
public enum PostKind {
    /** 党委、政府及村两委岗位 — a post at a jurisdiction */
    JURISDICTION,
    /** 职能部门岗位 — a post at a department; its level is its jurisdiction's */
    DEPARTMENT
}
