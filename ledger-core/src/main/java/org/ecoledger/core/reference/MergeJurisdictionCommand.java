package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/** 合并 (merge a jurisdiction into another of the same level) from date {@code on}: change kind MERGED_INTO. */
@Revision("1")
public record MergeJurisdictionCommand(
        @TargetAggregateIdentifier JurisdictionCode code,
        LocalDate on,
        JurisdictionCode intoCode,
        String sourceDocument,
        String recordedBy) {

    public MergeJurisdictionCommand {
        Require.present(code, "code");
        Require.present(on, "on");
        Require.present(intoCode, "intoCode");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
