package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 年度考核 (record the yearly assessment), 003 Art. 18: entry type ANNUAL_ASSESSMENT. {@code conditions} is optional
 * (none found).
 */
@Revision("1")
public record RecordAnnualAssessmentCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        Integer year,
        AssessmentGrade grade,
        List<Integer> conditions,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public RecordAnnualAssessmentCommand {
        Require.present(officialId, "officialId");
        Require.present(year, "year");
        Require.present(grade, "grade");
        conditions = Require.integers(conditions, "conditions");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
