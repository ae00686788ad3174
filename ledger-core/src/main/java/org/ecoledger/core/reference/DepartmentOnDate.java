package org.ecoledger.core.reference;

/**
 * 某日的职能部门 (a department as it stood on a date): its name and the jurisdiction whose party committee or
 * government it belongs to.
 */
public record DepartmentOnDate(DepartmentCode code, String name, JurisdictionCode jurisdictionCode) {
}
