package org.ecoledger.core.record;

/**
 * 一票否决的对象身份 (capacity in which a one-veto hits an official), 001 and 002: "被给予环保一票否决的单位的主要领导、
 * 分管领导和直接责任人". Which posts qualify is decided in {@link OneVetoPolicy}.
 */
public enum OneVetoCapacity {
    /** 主要领导 */
    PRINCIPAL,
    /** 分管领导 */
    DEPUTY_IN_CHARGE,
    /** 直接责任人 */
    DIRECTLY_RESPONSIBLE
}
