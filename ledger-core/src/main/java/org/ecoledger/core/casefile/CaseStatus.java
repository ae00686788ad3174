package org.ecoledger.core.casefile;

import java.util.Optional;

/**
 * 交办件状态 (status of an inspection case), 002 "整改销号": ASSIGNED 已交办 → RECTIFYING 整改中 → RECTIFIED 已整改
 * (达到整改标准) → CLOSED 已销号. The order of the constants is the order of the steps.
 */
public enum CaseStatus {
    ASSIGNED,
    RECTIFYING,
    RECTIFIED,
    CLOSED;

    /** The only status this one may move to; empty for {@link #CLOSED}. */
    public Optional<CaseStatus> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
