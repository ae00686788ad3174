package org.ecoledger.core.record;

/**
 * 问责方式 (outcome of an accountability case), 003 Art. 20 and the 党政领导干部生态环境损害责任追究办法 it cites.
 */
public enum AccountabilityOutcome {
    /** 诫勉谈话 */
    ADMONISHING_TALK,
    /** 通报批评 */
    CIRCULATED_CRITICISM,
    /** 党纪政纪处分 */
    PARTY_DISCIPLINE,
    /** 调整岗位 (调离岗位、引咎辞职、责令辞职、降职) */
    POST_ADJUSTMENT,
    /** 免职 */
    REMOVAL,
    /** 移送司法机关 */
    TRANSFER_TO_JUDICIAL_ORGANS,
    /** 不予问责 — the investigation found no accountability */
    NOT_ACCOUNTABLE
}
