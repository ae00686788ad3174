package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;

/**
 * 任职 (appointed to a post), 003 Art. 4: the post, the place (exactly one of jurisdictionCode and departmentCode;
 * the other is {@code null}), the role and the responsibility kind it bears. The tenure starts on
 * {@code occurredOn}.
 */
@Revision("1")
public record OfficialAppointedEvent(
        OfficialId officialId,
        PostId postId,
        JurisdictionCode jurisdictionCode,
        DepartmentCode departmentCode,
        Role role,
        ResponsibilityKind responsibilityKind,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {
}
