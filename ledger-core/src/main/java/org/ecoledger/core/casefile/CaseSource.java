package org.ecoledger.core.casefile;

/** 交办来源 (who assigned the case), 002: central, provincial or city eco-environment inspection. */
public enum CaseSource {
    /** 中央生态环境保护督察 */
    CENTRAL,
    /** 省级督察 */
    PROVINCIAL,
    /** 市级督察 */
    CITY
}
