package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 撤销 (abolish a jurisdiction) from date {@code on}: change kind ABOLISHED. */
@Revision("1")
public record AbolishJurisdictionCommand(
        @TargetAggregateIdentifier JurisdictionCode code,
        LocalDate on,
        String sourceDocument,
        String recordedBy) {

    public AbolishJurisdictionCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
