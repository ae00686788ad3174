package org.ecoledger.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mapping the HTTP layer and read views rely on: entry type ⇄ event class, and the API's field names. */
class EntryTypeTest {

    private static final Set<String> COMMON = Set.of("officialId", "occurredOn", "sourceDocument", "recordedBy",
            "recordedAt");

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void entryType_mapsToItsEventClass_andBack(EntryType type) {
        assertThat(EntryType.ofEventClass(type.eventClass())).contains(type);
    }

    @Test
    void everyEventOfTheRecord_butTheRegistration_hasAnEntryType() {
        Set<Class<?>> mapped = Arrays.stream(EntryType.values()).map(EntryType::eventClass).collect(Collectors.toSet());
        Set<Class<?>> events = new HashSet<>(Arrays.asList(RecordEvent.class.getPermittedSubclasses()));
        events.remove(OfficialRegisteredEvent.class);
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(events);
        assertThat(EntryType.ofEventClass(OfficialRegisteredEvent.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void entryType_fields_areExactlyTheEventsOwnFields(EntryType type) {
        List<String> eventFields = Arrays.stream(type.eventClass().getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !COMMON.contains(name))
                .toList();
        Set<String> declared = new HashSet<>(type.requiredFields());
        declared.addAll(type.optionalFields());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(eventFields);
    }

    @Test
    void entryTypeNames_areThoseOfTheApi() {
        assertThat(Arrays.stream(EntryType.values()).map(Enum::name)).containsExactly(
                "APPOINTED", "LEFT_POST", "RESPONSIBILITY_LETTER_SIGNED", "MEETING_HELD", "INSPECTION_LED",
                "GRASSROOTS_DAYS_REPORTED", "SUMMONED", "SUPERVISION_LISTED", "ANNUAL_ASSESSMENT", "ONE_VETO",
                "ACCOUNTABILITY_REFERRED", "ACCOUNTABILITY_DECIDED", "LIFETIME_ACCOUNTABILITY_OPENED",
                "DEPARTURE_AUDIT_COMPLETED", "CORRECTION");
    }
}
