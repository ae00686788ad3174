package org.ecoledger.core.reference;

import java.util.Optional;

/**
 * 行政区域层级 (level of a jurisdiction), 001 "四级环保责任体系": city 市, county 县(区), township 乡镇(街道),
 * village 村(社区). The levels form a tree: each level's parent is exactly one level up.
 */
public enum JurisdictionLevel {
    /** 市 — the top level; has no parent. */
    CITY,
    /** 县(区) — parent: a city. */
    COUNTY,
    /** 乡镇(街道) — parent: a county. */
    TOWNSHIP,
    /** 村(社区) — parent: a township. */
    VILLAGE;

    /** The level a parent of this level must have; empty for {@link #CITY}. */
    public Optional<JurisdictionLevel> parentLevel() {
        return this == CITY ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }
}
