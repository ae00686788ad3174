package org.ecoledger.core.record;

/** 离任原因 (why an official left a post). */
public enum LeavingReason {
    /** 交流、调任 */
    TRANSFER,
    /** 提拔 */
    PROMOTION,
    /** 退休 */
    RETIREMENT,
    /** 免职 */
    REMOVAL,
    /** 其他 */
    OTHER
}
