package org.ecoledger.api.http.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.ecoledger.api.http.asof.AsOf;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RecordCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EntryCommandsTest {

    private final EntryCommands commands = new EntryCommands(new ObjectMapper().registerModule(new JavaTimeModule()));

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void everyEntryType_mapsItsExampleToItsCommand(EntryType type) throws Exception {
        RecordCommand command = commands.toCommand(OfficialId.of("o-1"), EntryExamples.of(type).body(), "recorder");
        assertThat(command).isInstanceOf(EntryCommands.COMMANDS.get(type));
        assertThat(command.officialId()).isEqualTo(OfficialId.of("o-1"));
        assertThat(command.recordedBy()).isEqualTo("recorder");
        assertThat(command.occurredOn()).isEqualTo(LocalDate.parse(EntryExamples.of(type).body()
                                                                                .path("occurredOn").asText()));
    }

    @Test
    void theBody_mayNotNameTheOfficialOrTheRecorder() {
        var body = EntryExamples.of(EntryType.MEETING_HELD).body().put("officialId", "someone-else");
        assertThatThrownBy(() -> commands.toCommand(OfficialId.of("o-1"), body, "recorder"))
                .isInstanceOfSatisfying(ApiException.class,
                                        e -> assertThat(e.problem().getDetail()).startsWith("officialId"));
    }

    @Test
    void asOf_aDateIsTheEndOfThatDayInTheLedgersZone_anInstantThatInstant() {
        AsOf date = AsOf.parse("asOf", "2018-05-01", ZoneId.of("Asia/Shanghai"));
        assertThat(date.includes(java.time.Instant.parse("2018-05-01T15:59:59.999Z"))).isTrue();
        assertThat(date.includes(java.time.Instant.parse("2018-05-01T16:00:00Z"))).isFalse();
        AsOf instant = AsOf.parse("asOf", "2018-05-01T08:00:00Z", ZoneId.of("Asia/Shanghai"));
        assertThat(instant.includes(java.time.Instant.parse("2018-05-01T08:00:00Z"))).isTrue();
        assertThat(instant.includes(java.time.Instant.parse("2018-05-01T08:00:00.000000001Z"))).isFalse();
        assertThatThrownBy(() -> AsOf.parse("asOf", "May Day", ZoneId.of("UTC"))).isInstanceOf(ApiException.class);
    }
}
