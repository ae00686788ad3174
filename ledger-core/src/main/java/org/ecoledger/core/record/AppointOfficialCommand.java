package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.Require;

/**
 * 任职 (appoint the official to a post), 003 Art. 4: entry type APPOINTED. Exactly one of {@code jurisdictionCode}
 * and {@code departmentCode} is given.
 */
@Revision("1")
public record AppointOfficialCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        JurisdictionCode jurisdictionCode,
        DepartmentCode departmentCode,
        Role role,
        ResponsibilityKind responsibilityKind,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public AppointOfficialCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.present(role, "role");
        Require.present(responsibilityKind, "responsibilityKind");
        if ((jurisdictionCode == null) == (departmentCode == null)) {
            throw new InvalidEntryException(jurisdictionCode == null ? "jurisdictionCode" : "departmentCode",
                    "exactly one of jurisdictionCode and departmentCode is required",
                    "行政区域代码与职能部门代码须且只须填写一项");
        }
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
