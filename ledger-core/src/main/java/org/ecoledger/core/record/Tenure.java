package org.ecoledger.core.record;

import java.time.LocalDate;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;

/**
 * 任期 (tenure): one period during which the official held a post, from the appointment to the last day in post
 * (inclusive; {@code leftOn} is {@code null} while still in post). State of {@link OfficialRecord}, not a message.
 */
record Tenure(PostId postId, JurisdictionCode jurisdictionCode, DepartmentCode departmentCode, Role role,
              ResponsibilityKind responsibilityKind, LocalDate appointedOn, LocalDate leftOn) {

    boolean isOpen() {
        return leftOn == null;
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(appointedOn) && (leftOn == null || !date.isAfter(leftOn));
    }

    boolean coversAll(LocalDate from, LocalDate to) {
        return covers(from) && covers(to);
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        return !appointedOn.isAfter(to) && (leftOn == null || !leftOn.isBefore(from));
    }

    Tenure endedOn(LocalDate date) {
        return new Tenure(postId, jurisdictionCode, departmentCode, role, responsibilityKind, appointedOn, date);
    }
}
