package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.Require;

/**
 * 设立职能部门 (register a department): {@code POST /api/v1/departments}.
 *
 * @param validFrom the first day the department existed; {@code null} means 1949-10-01
 */
@Revision("1")
public record RegisterDepartmentCommand(
        @TargetAggregateIdentifier DepartmentCode code,
        String name,
        JurisdictionCode jurisdictionCode,
        LocalDate validFrom,
        String sourceDocument,
        String recordedBy) {

    public RegisterDepartmentCommand {
        Require.present(code, "code");
        Require.text(name, "name");
        Require.present(jurisdictionCode, "jurisdictionCode");
        validFrom = validFrom == null ? DatePolicy.LEDGER_EPOCH : validFrom;
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
