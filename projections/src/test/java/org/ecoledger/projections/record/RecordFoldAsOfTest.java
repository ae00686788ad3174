package org.ecoledger.projections.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.projections.asof.AsOf;
import org.junit.jupiter.api.Test;

/** 截至 (as of): a view as of a moment is always a prefix of the record, even when the clock was stepped back. */
class RecordFoldAsOfTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void entriesStampedEarlierAfterAClockStepBack_doNotCountWithoutTheEntriesBeforeThem() {
        // 0 and 1 recorded at T and T+10 min; then the clock is stepped back an hour: 2 and 3 carry T-50 and T-40 min.
        List<RecordEntry> record = List.of(
                registration(T),
                meeting(1, T.plusSeconds(600)),
                meeting(2, T.minusSeconds(3_000)),
                meeting(3, T.minusSeconds(2_400)));

        RecordState asOfT = RecordFold.fold("x", record, AsOf.at(T.plusSeconds(60), ZONE));
        assertThat(asOfT.headSequence()).as("only the registration was recorded by T+1 min").isZero();
        assertThat(asOfT.entries()).isEmpty();

        RecordState asOfLater = RecordFold.fold("x", record, AsOf.at(T.plusSeconds(601), ZONE));
        assertThat(asOfLater.headSequence()).as("2 and 3 follow 1 in the record, and count with it").isEqualTo(3);
        assertThat(asOfLater.entries()).extracting(EntryState::sequence).containsExactly(1L, 2L, 3L);

        RecordState now = RecordFold.fold("x", record, AsOf.now());
        assertThat(now.entries()).extracting(EntryState::sequence).containsExactly(1L, 2L, 3L);
    }

    private static RecordEntry registration(Instant recordedAt) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("name", "张三").put("occurredOn", "2017-12-01");
        return new RecordEntry("x", 0, null, LocalDate.of(2017, 12, 1), recordedAt, "recorder", fields);
    }

    private static RecordEntry meeting(long sequence, Instant recordedAt) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("postId", "p").put("body", "STANDING_COMMITTEE")
                                                .put("occurredOn", "2018-02-05");
        fields.putArray("topics").add("t" + sequence);
        return new RecordEntry("x", sequence, EntryType.MEETING_HELD, LocalDate.of(2018, 2, 5), recordedAt, "recorder",
                               fields);
    }
}
