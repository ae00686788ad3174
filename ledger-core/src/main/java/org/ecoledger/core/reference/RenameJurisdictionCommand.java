package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 更名 (rename a jurisdiction) from date {@code on}: change kind RENAMED. */
@Revision("1")
public record RenameJurisdictionCommand(
        @TargetAggregateIdentifier JurisdictionCode code,
        LocalDate on,
        String name,
        String sourceDocument,
        String recordedBy) {

    public RenameJurisdictionCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.text(name, "name");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
