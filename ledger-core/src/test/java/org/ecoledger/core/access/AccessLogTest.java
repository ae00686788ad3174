package org.ecoledger.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.rules.TestCalendars.NOW;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final OfficialId OFFICIAL = OfficialId.of("official-0001");
    private static final AccessLogId LOG = AccessLogId.of(OFFICIAL);

    private final FixtureConfiguration<AccessLog> fixture = AggregateFixtures.fixture(AccessLog.class);

    @Test
    void theFirstRead_opensTheLog() {
        fixture.givenNoPriorActivity()
                .when(new RecordAccessCommand(LOG, "auditor", "entries", "提拔任用审查"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccessRecordedEvent(OFFICIAL, "auditor", "entries", "提拔任用审查", NOW));
    }

    @Test
    void aLaterRead_isAppended_withoutAPurpose() {
        fixture.given(new AccessRecordedEvent(OFFICIAL, "auditor", "entries", null,
                        Instant.parse("2018-01-01T00:00:00Z")))
                .when(new RecordAccessCommand(LOG, "discipline", "verification", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccessRecordedEvent(OFFICIAL, "discipline", "verification", null, NOW));
    }

    @Test
    void theLogsAggregateIdentifier_isTyped_andItsJsonIsThePlainValue() throws Exception {
        assertThat(LOG.toString()).isEqualTo("access/official-0001");
        assertThat(LOG.officialId()).isEqualTo(OFFICIAL);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        RecordAccessCommand command = new RecordAccessCommand(LOG, "auditor", "entries", "审计");
        String json = mapper.writeValueAsString(command);
        assertThat(json).contains("\"logId\":\"official-0001\"");
        assertThat(mapper.readValue(json, RecordAccessCommand.class)).isEqualTo(command);
        AccessRecordedEvent event = new AccessRecordedEvent(OFFICIAL, "auditor", "entries", null, NOW);
        assertThat(mapper.readValue(mapper.writeValueAsString(event), AccessRecordedEvent.class)).isEqualTo(event);
    }

    @Test
    void aReadWithoutAReader_isMalformed() {
        assertThatThrownBy(() -> new RecordAccessCommand(LOG, " ", "entries", null))
                .isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> AccessLogId.of("a/b")).isInstanceOf(InvalidEntryException.class);
    }
}
