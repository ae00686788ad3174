package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * 年度考核 (yearly assessment), 003 Art. 18: the grade and the numbers (1..12) of the Art. 18 conditions found, in the
 * order given.
 */
@Revision("1")
public record AnnualAssessmentRecordedEvent(
        OfficialId officialId,
        int year,
        AssessmentGrade grade,
        List<Integer> conditions,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {

    public AnnualAssessmentRecordedEvent {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
