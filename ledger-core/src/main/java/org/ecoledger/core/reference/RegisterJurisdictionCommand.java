package org.ecoledger.core.reference;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.Require;

/**
 * 设立行政区域 (register a jurisdiction): {@code POST /api/v1/jurisdictions}.
 *
 * @param parentCode {@code null} only for a city
 * @param validFrom  the first day the place existed; {@code null} means {@link DatePolicy#LEDGER_EPOCH} (1949-10-01)
 */
@Revision("1")
public record RegisterJurisdictionCommand(
        @TargetAggregateIdentifier JurisdictionCode code,
        String name,
        JurisdictionLevel level,
        JurisdictionCode parentCode,
        LocalDate validFrom,
        String sourceDocument,
        String recordedBy) {

    public RegisterJurisdictionCommand {
        Require.present(code, "code");
        Require.text(name, "name");
        Require.present(level, "level");
        validFrom = validFrom == null ? DatePolicy.LEDGER_EPOCH : validFrom;
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
