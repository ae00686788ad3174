package org.ecoledger.projections.tracing;

import java.time.LocalDate;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;

/**
 * 责任人 (an official whose post covered the place on the date): through which place of the chain
 * ({@code viaJurisdictionCode}: the place itself, its township, county or city as the tree stood that day), in which
 * role and with which responsibility kind, over which tenure (the official may have left or retired since);
 * {@code headSequence}: the last entry of the official's record the answer was computed from.
 */
public record ResponsibleView(String officialId, String name, String postId, Role role,
                              ResponsibilityKind responsibilityKind, String viaJurisdictionCode,
                              JurisdictionLevel viaLevel, LocalDate tenureFrom, LocalDate tenureTo,
                              long headSequence) {
}
