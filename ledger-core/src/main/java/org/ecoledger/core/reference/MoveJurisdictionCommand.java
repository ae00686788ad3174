package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 隶属关系调整 (move a jurisdiction under a new parent) from date {@code on}: change kind MOVED. */
@Revision("1")
public record MoveJurisdictionCommand(
        @TargetAggregateIdentifier JurisdictionCode code,
        LocalDate on,
        JurisdictionCode parentCode,
        String sourceDocument,
        String recordedBy) {

    public MoveJurisdictionCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.present(parentCode, "parentCode");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
