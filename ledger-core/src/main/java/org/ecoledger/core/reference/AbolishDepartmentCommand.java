package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 部门撤销 (abolish a department, e.g. in an institutional reform) from date {@code on}. */
@Revision("1")
public record AbolishDepartmentCommand(
        @TargetAggregateIdentifier DepartmentCode code,
        LocalDate on,
        String sourceDocument,
        String recordedBy) {

    public AbolishDepartmentCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
