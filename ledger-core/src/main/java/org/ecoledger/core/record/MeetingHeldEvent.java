package org.ecoledger.core.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * 研究生态环保工作的会议 (a meeting studied eco-environment work), 003 Art. 10 and 12, counted for the post.
 */
@Revision("1")
public record MeetingHeldEvent(
        OfficialId officialId,
        PostId postId,
        MeetingBody body,
        List<String> topics,
        LocalDate occurredOn,
        String sourceDocument,
        String recordedBy,
        Instant recordedAt) implements RecordEvent {

    public MeetingHeldEvent {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
