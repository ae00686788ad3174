package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 研究生态环保工作的会议 (record a meeting of the post's body that studied eco-environment work), 003 Art. 10, 12: entry type
 * MEETING_HELD.
 */
@Revision("1")
public record RecordMeetingCommand(
        @TargetAggregateIdentifier OfficialId officialId,
        PostId postId,
        MeetingBody body,
        List<String> topics,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy) implements RecordCommand {

    public RecordMeetingCommand {
        Require.present(officialId, "officialId");
        Require.present(postId, "postId");
        Require.present(body, "body");
        topics = Require.texts(topics, "topics", true);
        Require.present(occurredOn, "occurredOn");
        Require.optionalText(sourceDocument, "sourceDocument");
        Require.text(recordedBy, "recordedBy");
    }
}
