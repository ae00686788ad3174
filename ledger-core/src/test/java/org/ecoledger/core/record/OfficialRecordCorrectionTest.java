package org.ecoledger.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.record.RecordFixtures.EARLIER;
import static org.ecoledger.core.record.RecordFixtures.OFFICIAL;
import static org.ecoledger.core.record.RecordFixtures.citySecretary;
import static org.ecoledger.core.record.RecordFixtures.history;
import static org.ecoledger.core.record.RecordFixtures.meeting;
import static org.ecoledger.core.rules.RefusalMatchers.malformedAt;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfficialRecordCorrectionTest {

    private static final LocalDate ON = LocalDate.of(2019, 5, 6);
    /** Sequence 0: registration; 1: appointment; 2: a meeting. */
    private static final long MEETING = 2;

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    private static Object[] recordWithAMeeting() {
        return history(citySecretary(), meeting(LocalDate.of(2018, 4, 12)));
    }

    /** The meeting's fields, corrected: it was on 13 April, not 12. */
    private static ObjectNode correctedMeeting() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("postId", RecordFixtures.POST.value());
        node.put("body", "STANDING_COMMITTEE");
        node.putArray("topics").add("大气污染防治");
        node.put("occurredOn", "2018-04-13");
        return node;
    }

    private static CorrectEntryCommand correct(long sequence, EntryType type, ObjectNode replacement) {
        return new CorrectEntryCommand(OFFICIAL, sequence, type, "会议日期录入错误", "办公室主任李四", replacement, ON, null,
                RECORDER);
    }

    @Nested
    class CorrectEntry {

        @Test
        void correctEntry_ofAMeeting_isRecordedWithTheCorrectedType() {
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, null, correctedMeeting()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EntryCorrectedEvent(OFFICIAL, MEETING, EntryType.MEETING_HELD, "会议日期录入错误",
                            "办公室主任李四", correctedMeeting(), ON, null, RECORDER, NOW));
        }

        @Test
        void correctEntry_namingTheRightTypeInTheReplacement_isRecorded() {
            ObjectNode replacement = correctedMeeting().put("type", "MEETING_HELD");
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, EntryType.MEETING_HELD, replacement))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void correction_ofASequenceThatDoesNotExist_isRefused() {
            fixture.given(recordWithAMeeting())
                    .when(correct(3, null, correctedMeeting()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CORRECTION_TARGET_NOT_FOUND, "correctsSequence"));
        }

        @Test
        @DisplayName("decision: the registration (sequence 0) is not an entry and cannot be corrected")
        void correction_ofTheRegistration_isRefused() {
            fixture.given(recordWithAMeeting())
                    .when(correct(0, null, correctedMeeting()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CORRECTION_TARGET_NOT_CORRECTABLE, "correctsSequence"));
        }

        @Test
        @DisplayName("decision: a correction is not corrected; the original entry is corrected again")
        void correction_ofACorrection_isRefused() {
            fixture.given(history(citySecretary(), meeting(LocalDate.of(2018, 4, 12)),
                            new EntryCorrectedEvent(OFFICIAL, MEETING, EntryType.MEETING_HELD, "r", "a",
                                    correctedMeeting(), ON, null, RECORDER, EARLIER)))
                    .when(correct(3, null, correctedMeeting()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CORRECTION_TARGET_NOT_CORRECTABLE, "correctsSequence"));
        }

        @Test
        void correction_ofTheOriginalEntryAgain_isRecorded() {
            fixture.given(history(citySecretary(), meeting(LocalDate.of(2018, 4, 12)),
                            new EntryCorrectedEvent(OFFICIAL, MEETING, EntryType.MEETING_HELD, "r", "a",
                                    correctedMeeting(), ON, null, RECORDER, EARLIER)))
                    .when(correct(MEETING, null, correctedMeeting()))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void correction_declaringAnotherType_isRefused() {
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, EntryType.INSPECTION_LED, correctedMeeting()))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CORRECTION_TYPE_MISMATCH, "correctedType"));
        }

        @Test
        void correction_withAReplacementOfAnotherType_isRefused() {
            ObjectNode replacement = correctedMeeting().put("type", "INSPECTION_LED");
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, null, replacement))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.CORRECTION_TYPE_MISMATCH, "replacement.type"));
        }

        @Test
        void correction_withAFieldOfAnotherType_isMalformed() {
            ObjectNode replacement = correctedMeeting().put("location", "北戴河");
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, null, replacement))
                    .expectNoEvents()
                    .expectException(malformedAt("replacement.location"));
        }

        @Test
        void correction_missingARequiredFieldOfTheType_isMalformed() {
            ObjectNode replacement = correctedMeeting();
            replacement.remove("body");
            fixture.given(recordWithAMeeting())
                    .when(correct(MEETING, null, replacement))
                    .expectNoEvents()
                    .expectException(malformedAt("replacement.body"));
        }

        @Test
        void correction_withoutReason_isMalformed() {
            assertThatThrownBy(() -> new CorrectEntryCommand(OFFICIAL, MEETING, null, " ", "李四", correctedMeeting(),
                    ON, null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("reason"));
        }

        @Test
        void correction_withoutApprover_isMalformed() {
            assertThatThrownBy(() -> new CorrectEntryCommand(OFFICIAL, MEETING, null, "错误", null, correctedMeeting(),
                    ON, null, RECORDER))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("approvedBy"));
        }

        @Test
        void correction_withAFractionalNumber_isMalformed() {
            ObjectNode replacement = correctedMeeting().put("days", 1.5);
            assertThatThrownBy(() -> correct(MEETING, null, replacement))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("replacement.days"));
        }

        @Test
        void correction_withAnEmptyReplacement_isMalformed() {
            assertThatThrownBy(() -> correct(MEETING, null, JsonNodeFactory.instance.objectNode()))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("replacement"));
        }

        @Test
        void correction_ofANegativeSequence_isMalformed() {
            assertThatThrownBy(() -> correct(-1, null, correctedMeeting()))
                    .isInstanceOfSatisfying(InvalidEntryException.class,
                            e -> assertThat(e.field()).isEqualTo("correctsSequence"));
        }
    }

    @Test
    void correctedEvent_doesNotShareItsReplacementWithTheCaller() {
        ObjectNode replacement = correctedMeeting();
        EntryCorrectedEvent event = new EntryCorrectedEvent(OFFICIAL, MEETING, EntryType.MEETING_HELD, "r", "a",
                replacement, ON, null, RECORDER, NOW);
        replacement.put("occurredOn", "2000-01-01");
        event.replacement().put("occurredOn", "2000-01-02");
        assertThat(event.replacement().get("occurredOn").asText()).isEqualTo("2018-04-13");
    }
}
