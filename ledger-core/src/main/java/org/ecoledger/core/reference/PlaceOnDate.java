package org.ecoledger.core.reference;

/**
 * 某日的行政区域 (a jurisdiction as it stood on a date): its name, level and parent on that date. A place that did not
 * exist on the date (not yet created, merged into another, or abolished) has no {@code PlaceOnDate}.
 *
 * @param parentCode {@code null} for a city
 */
public record PlaceOnDate(JurisdictionCode code, String name, JurisdictionLevel level, JurisdictionCode parentCode) {
}
