package org.ecoledger.api.http.entries;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.core.record.CompleteDepartureAuditCommand;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.CorrectEntryCommand;
import org.ecoledger.core.record.DecideAccountabilityCommand;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.ImposeOneVetoCommand;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.LeavePostCommand;
import org.ecoledger.core.record.ListSupervisionCommand;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OpenLifetimeAccountabilityCommand;
import org.ecoledger.core.record.RecordAnnualAssessmentCommand;
import org.ecoledger.core.record.RecordCommand;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.ReferAccountabilityCommand;
import org.ecoledger.core.record.ReportGrassrootsDaysCommand;
import org.ecoledger.core.record.SignResponsibilityLetterCommand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code POST /api/v1/officials/{officialId}/entries} into the command of its entry type.
 *
 * <p>The body's field names are API.md's, which are the commands' own component names, so each type maps to its
 * command class (one line each, {@link #COMMANDS}) and the JSON is bound to it strictly: an unknown field, a wrong
 * type or a malformed value is a 400 naming the field. The command's compact constructor checks the rest of the
 * shape. {@code officialId} comes from the path and {@code recordedBy} from the authenticated user; the body may
 * carry neither.
 */
public final class EntryCommands {

    /** The field naming the entry type. */
    public static final String TYPE = "type";

    /** Each entry type's command. */
    static final Map<EntryType, Class<? extends RecordCommand>> COMMANDS = new EnumMap<>(Map.ofEntries(
            Map.entry(EntryType.APPOINTED, AppointOfficialCommand.class),
            Map.entry(EntryType.LEFT_POST, LeavePostCommand.class),
            Map.entry(EntryType.RESPONSIBILITY_LETTER_SIGNED, SignResponsibilityLetterCommand.class),
            Map.entry(EntryType.MEETING_HELD, RecordMeetingCommand.class),
            Map.entry(EntryType.INSPECTION_LED, RecordLedInspectionCommand.class),
            Map.entry(EntryType.GRASSROOTS_DAYS_REPORTED, ReportGrassrootsDaysCommand.class),
            Map.entry(EntryType.SUMMONED, IssueSummonsCommand.class),
            Map.entry(EntryType.SUPERVISION_LISTED, ListSupervisionCommand.class),
            Map.entry(EntryType.ANNUAL_ASSESSMENT, RecordAnnualAssessmentCommand.class),
            Map.entry(EntryType.ONE_VETO, ImposeOneVetoCommand.class),
            Map.entry(EntryType.ACCOUNTABILITY_REFERRED, ReferAccountabilityCommand.class),
            Map.entry(EntryType.ACCOUNTABILITY_DECIDED, DecideAccountabilityCommand.class),
            Map.entry(EntryType.LIFETIME_ACCOUNTABILITY_OPENED, OpenLifetimeAccountabilityCommand.class),
            Map.entry(EntryType.DEPARTURE_AUDIT_COMPLETED, CompleteDepartureAuditCommand.class),
            Map.entry(EntryType.CORRECTION, CorrectEntryCommand.class)));

    private final ObjectMapper mapper;

    public EntryCommands(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The command class that records an entry of {@code type}; its components are the entry's fields. */
    public static Class<? extends RecordCommand> commandClass(EntryType type) {
        return COMMANDS.get(type);
    }

    /** The entry type a body names; 400 when it names none or an unknown one. */
    public static EntryType typeOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badField("body", "must be a JSON object");
        }
        JsonNode type = body.get(TYPE);
        if (type == null || type.isNull()) {
            throw ApiException.badField(TYPE, "is required");
        }
        if (!type.isTextual()) {
            throw ApiException.badField(TYPE, "must be a string");
        }
        return Arrays.stream(EntryType.values()).filter(candidate -> candidate.name().equals(type.textValue()))
                     .findFirst()
                     .orElseThrow(() -> ApiException.badField(TYPE, "must be one of " + Arrays.stream(
                             EntryType.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    /**
     * The command for {@code body}, appended to {@code officialId}'s record by {@code recordedBy}.
     *
     * @throws ApiException (400) for a field the type does not have
     * @throws JsonProcessingException (400 through the advice) for a value of the wrong shape
     * @throws org.ecoledger.core.rules.InvalidEntryException (400) for a missing or malformed field
     */
    public RecordCommand toCommand(OfficialId officialId, ObjectNode body, String recordedBy)
            throws JsonProcessingException {
        EntryType type = typeOf(body);
        ObjectNode fields = body.deepCopy();
        fields.remove(TYPE);
        for (String name : (Iterable<String>) fields::fieldNames) {
            if (!type.allFields().contains(name)) {
                throw ApiException.badField(name, "is not a field of " + type + "; its fields are "
                        + String.join(", ", type.allFields()) + (name.equals("recordedBy")
                        ? " (recordedBy is the authenticated user)" : ""));
            }
        }
        fields.put("officialId", officialId.value());
        fields.put("recordedBy", recordedBy);
        return mapper.treeToValue(fields, COMMANDS.get(type));
    }
}
