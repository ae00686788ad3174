package org.ecoledger.projections.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.ecoledger.core.record.AccountabilityDecidedEvent;
import org.ecoledger.core.record.AccountabilityReferredEvent;
import org.ecoledger.core.record.AnnualAssessmentRecordedEvent;
import org.ecoledger.core.record.DepartureAuditCompletedEvent;
import org.ecoledger.core.record.EntryCorrectedEvent;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.GrassrootsDaysReportedEvent;
import org.ecoledger.core.record.InspectionLedEvent;
import org.ecoledger.core.record.LifetimeAccountabilityOpenedEvent;
import org.ecoledger.core.record.MeetingHeldEvent;
import org.ecoledger.core.record.OfficialAppointedEvent;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.OneVetoImposedEvent;
import org.ecoledger.core.record.PostLeftEvent;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.core.record.ResponsibilityLetterSignedEvent;
import org.ecoledger.core.record.SummonsIssuedEvent;
import org.ecoledger.core.record.SupervisionListedEvent;

/**
 * 事件到条目 (an event of the record as a {@link RecordEntry}): the event's fields in the API's spelling, written out
 * one by one (identifiers by {@code value()}, dates as ISO strings, enumerations by name), so the shape does not
 * depend on how a serializer is configured. Used by the projection and by the on-demand as-of path alike.
 */
public final class RecordEntries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordEntries() {
    }

    /** The entry of {@code event}, the record's event at {@code sequence}. */
    public static RecordEntry of(long sequence, RecordEvent event) {
        ObjectNode fields = NODES.objectNode();
        EntryType type = EntryType.of(event).orElse(null);
        if (event instanceof OfficialRegisteredEvent e) {
            fields.put("name", e.name());
        } else if (event instanceof OfficialAppointedEvent e) {
            fields.put("postId", e.postId().value());
            if (e.jurisdictionCode() != null) {
                fields.put("jurisdictionCode", e.jurisdictionCode().value());
            }
            if (e.departmentCode() != null) {
                fields.put("departmentCode", e.departmentCode().value());
            }
            fields.put("role", e.role().name());
            fields.put("responsibilityKind", e.responsibilityKind().name());
        } else if (event instanceof PostLeftEvent e) {
            fields.put("postId", e.postId().value());
            fields.put("reason", e.reason().name());
        } else if (event instanceof ResponsibilityLetterSignedEvent e) {
            fields.put("year", e.year());
            fields.put("letterId", e.letterId().value());
            fields.set("keyTasks", texts(e.keyTasks()));
        } else if (event instanceof MeetingHeldEvent e) {
            fields.put("postId", e.postId().value());
            fields.put("body", e.body().name());
            fields.set("topics", texts(e.topics()));
        } else if (event instanceof InspectionLedEvent e) {
            fields.put("postId", e.postId().value());
            fields.put("location", e.location());
            fields.put("findings", e.findings());
        } else if (event instanceof GrassrootsDaysReportedEvent e) {
            fields.put("postId", e.postId().value());
            fields.put("periodStart", e.periodStart().toString());
            fields.put("periodEnd", e.periodEnd().toString());
            fields.put("days", e.days());
            fields.put("workingDays", e.workingDays());
        } else if (event instanceof SummonsIssuedEvent e) {
            fields.put("by", e.by());
            fields.put("reason", e.reason());
            putDate(fields, "rectificationDeadline", e.rectificationDeadline());
        } else if (event instanceof SupervisionListedEvent e) {
            fields.put("problemId", e.problemId().value());
            fields.put("jurisdictionCode", e.jurisdictionCode().value());
            fields.put("description", e.description());
        } else if (event instanceof AnnualAssessmentRecordedEvent e) {
            fields.put("year", e.year());
            fields.put("grade", e.grade().name());
            ArrayNode conditions = fields.putArray("conditions");
            e.conditions().forEach(conditions::add);
        } else if (event instanceof OneVetoImposedEvent e) {
            fields.put("year", e.year());
            fields.put("unit", e.unit());
            fields.put("capacity", e.capacity().name());
            fields.put("reason", e.reason());
        } else if (event instanceof AccountabilityReferredEvent e) {
            fields.put("caseId", e.caseId().value());
            fields.put("reason", e.reason());
            fields.put("referredTo", e.referredTo());
        } else if (event instanceof AccountabilityDecidedEvent e) {
            fields.put("caseId", e.caseId().value());
            fields.put("outcome", e.outcome().name());
        } else if (event instanceof LifetimeAccountabilityOpenedEvent e) {
            fields.put("caseId", e.caseId().value());
            fields.put("postId", e.postId().value());
            fields.put("damageOccurredOn", e.damageOccurredOn().toString());
            fields.put("description", e.description());
        } else if (event instanceof DepartureAuditCompletedEvent e) {
            fields.put("postId", e.postId().value());
            fields.put("conclusion", e.conclusion());
            fields.set("findings", texts(e.findings()));
        } else if (event instanceof EntryCorrectedEvent e) {
            putInteger(fields, "correctsSequence", e.correctsSequence());
            fields.put("correctedType", e.correctedType().name());
            fields.put("reason", e.reason());
            fields.put("approvedBy", e.approvedBy());
            fields.set("replacement", e.replacement());
        } else {
            throw new IllegalArgumentException("not an event of the record: " + event.getClass().getName());
        }
        fields.put("occurredOn", event.occurredOn().toString());
        if (event.sourceDocument() != null) {
            fields.put("sourceDocument", event.sourceDocument());
        }
        return new RecordEntry(event.officialId().value(), sequence, type, event.occurredOn(), event.recordedAt(),
                event.recordedBy(), fields);
    }

    private static ArrayNode texts(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void putDate(ObjectNode fields, String name, LocalDate date) {
        if (date != null) {
            fields.put(name, date.toString());
        }
    }

    /** An integer as Jackson reads it back (int when it fits), so an entry equals itself after storage. */
    static void putInteger(ObjectNode fields, String name, long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            fields.put(name, (int) value);
        } else {
            fields.put(name, value);
        }
    }

    /** Entry types that shape the record's posts and tenures (or its name). */
    static final List<EntryType> SHAPING = List.of(EntryType.APPOINTED, EntryType.LEFT_POST, EntryType.CORRECTION);
}
