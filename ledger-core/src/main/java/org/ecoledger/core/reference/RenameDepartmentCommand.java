package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 部门更名 (rename a department) from date {@code on}. */
@Revision("1")
public record RenameDepartmentCommand(
        @TargetAggregateIdentifier DepartmentCode code,
        LocalDate on,
        String name,
        String sourceDocument,
        String recordedBy) {

    public RenameDepartmentCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.text(name, "name");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
