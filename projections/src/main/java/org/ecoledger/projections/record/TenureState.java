package org.ecoledger.projections.record;

import java.time.LocalDate;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;

/**
 * 任期 (one tenure of a post, as the view knows it: corrections to the appointment or the leaving applied). Both ends
 * inclusive; {@code to} is {@code null} while in post.
 *
 * @param jurisdictionCode the place of a jurisdiction post, or {@code null}
 * @param departmentCode   the department of a department post, or {@code null}
 * @param leftSequence     the LEFT_POST entry that ended it, or {@code null}
 * @param leavingReason    its reason, or {@code null}
 */
public record TenureState(String postId, String jurisdictionCode, String departmentCode, Role role,
                          ResponsibilityKind responsibilityKind, LocalDate from, LocalDate to, long appointedSequence,
                          Long leftSequence, LeavingReason leavingReason) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }

    /** The key of the place this post is at: {@code jurisdiction/<code>} or {@code department/<code>}. */
    public String placeKey() {
        return jurisdictionCode != null ? PlaceKeys.jurisdiction(jurisdictionCode) : PlaceKeys.department(departmentCode);
    }

    TenureState endedOn(LocalDate date, long sequence, LeavingReason reason) {
        return new TenureState(postId, jurisdictionCode, departmentCode, role, responsibilityKind, from, date,
                appointedSequence, sequence, reason);
    }
}
