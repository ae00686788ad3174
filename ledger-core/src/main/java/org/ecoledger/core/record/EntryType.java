package org.ecoledger.core.record;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 记录类型 (entry type): the types of entry of an official's record, with the names of {@code API.md}, each mapped to
 * its event class and to the names of its fields in the API's spelling. The registration
 * ({@link OfficialRegisteredEvent}) opens the record and is not an entry type.
 *
 * <p>Every entry also has {@code occurredOn} (required) and {@code sourceDocument} (optional), listed in
 * {@link #COMMON_REQUIRED} and {@link #COMMON_OPTIONAL}.
 */
public enum EntryType {
    APPOINTED(OfficialAppointedEvent.class,
            List.of("postId", "role", "responsibilityKind"), List.of("jurisdictionCode", "departmentCode")),
    LEFT_POST(PostLeftEvent.class, List.of("postId", "reason"), List.of()),
    RESPONSIBILITY_LETTER_SIGNED(ResponsibilityLetterSignedEvent.class,
            List.of("year", "letterId", "keyTasks"), List.of()),
    MEETING_HELD(MeetingHeldEvent.class, List.of("postId", "body", "topics"), List.of()),
    INSPECTION_LED(InspectionLedEvent.class, List.of("postId", "location", "findings"), List.of()),
    GRASSROOTS_DAYS_REPORTED(GrassrootsDaysReportedEvent.class,
            List.of("postId", "periodStart", "periodEnd", "days", "workingDays"), List.of()),
    SUMMONED(SummonsIssuedEvent.class, List.of("by", "reason"), List.of("rectificationDeadline")),
    SUPERVISION_LISTED(SupervisionListedEvent.class, List.of("problemId", "jurisdictionCode", "description"),
            List.of()),
    ANNUAL_ASSESSMENT(AnnualAssessmentRecordedEvent.class, List.of("year", "grade"), List.of("conditions")),
    ONE_VETO(OneVetoImposedEvent.class, List.of("year", "unit", "capacity", "reason"), List.of()),
    ACCOUNTABILITY_REFERRED(AccountabilityReferredEvent.class, List.of("caseId", "reason", "referredTo"),
            List.of()),
    ACCOUNTABILITY_DECIDED(AccountabilityDecidedEvent.class, List.of("caseId", "outcome"), List.of()),
    LIFETIME_ACCOUNTABILITY_OPENED(LifetimeAccountabilityOpenedEvent.class,
            List.of("caseId", "postId", "damageOccurredOn", "description"), List.of()),
    DEPARTURE_AUDIT_COMPLETED(DepartureAuditCompletedEvent.class, List.of("postId", "conclusion", "findings"),
            List.of()),
    CORRECTION(EntryCorrectedEvent.class, List.of("correctsSequence", "reason", "approvedBy", "replacement"),
            List.of("correctedType"));

    /** Fields every entry has and must give. */
    public static final List<String> COMMON_REQUIRED = List.of("occurredOn");
    /** Fields every entry may give. */
    public static final List<String> COMMON_OPTIONAL = List.of("sourceDocument");

    private final Class<? extends RecordEvent> eventClass;
    private final List<String> requiredFields;
    private final List<String> optionalFields;

    EntryType(Class<? extends RecordEvent> eventClass, List<String> requiredFields, List<String> optionalFields) {
        this.eventClass = eventClass;
        this.requiredFields = requiredFields;
        this.optionalFields = optionalFields;
    }

    /** The event class that records an entry of this type. */
    public Class<? extends RecordEvent> eventClass() {
        return eventClass;
    }

    /** The type's own required fields (besides {@link #COMMON_REQUIRED}), in the API's spelling. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** The type's own optional fields (besides {@link #COMMON_OPTIONAL}). */
    public List<String> optionalFields() {
        return optionalFields;
    }

    /** Every field an entry of this type may have, common ones included. */
    public Set<String> allFields() {
        Set<String> all = new LinkedHashSet<>(requiredFields);
        all.addAll(optionalFields);
        all.addAll(COMMON_REQUIRED);
        all.addAll(COMMON_OPTIONAL);
        return all;
    }

    /** The entry type of an event class; empty for the registration or a class of another aggregate. */
    public static Optional<EntryType> ofEventClass(Class<?> eventClass) {
        return Arrays.stream(values()).filter(type -> type.eventClass.equals(eventClass)).findFirst();
    }

    /** The entry type of an event; empty for the registration. */
    public static Optional<EntryType> of(RecordEvent event) {
        return ofEventClass(event.getClass());
    }
}
