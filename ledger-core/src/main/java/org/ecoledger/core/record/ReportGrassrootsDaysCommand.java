package org.ecoledger.core.record;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 下基层天数 (report days spent at the grassroots in a period), 004: entry type GRASSROOTS_DAYS_REPORTED.
 */
@Revision("1")
public record ReportGrassrootsDaysCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Integer days,
        Integer workingDays,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public ReportGrassrootsDaysCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.present(periodStart, "periodStart");
        Require.present(periodEnd, "periodEnd");
        Require.nonNegative(Require.present(days, "days"), "days");
        Require.nonNegative(Require.present(workingDays, "workingDays"), "workingDays");
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
