package org.ecoledger.api.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.ecoledger.api.http.entries.EntryCommands;
import org.ecoledger.core.chain.CanonicalJson;
import org.ecoledger.core.chain.NonCanonicalValueException;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.rules.InvalidEntryException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row's entry → the command a single append would send: the same strict binding as {@code POST /entries}
 * ({@link EntryCommands}), so the same field checks and the same messages; {@code recordedBy} is the user who
 * uploaded the file. A {@value ImportColumns#REGISTERED} row becomes the command of {@code POST /officials}.
 *
 * <p>Also the row's <b>import key</b>: the SHA-256 of {@value #KEY_PREFIX} and the canonical JSON (RFC 8785, as
 * hashed in the chain) of the row's entry, {@code officialId} and {@code type} included. It depends on the row's
 * content only, not on the file's name, format or position, so the same entry in a CSV and in an NDJSON file has
 * the same key.
 */
final class RowCommands {

    /** What the import key hashes before the row's canonical JSON (a version, so the scheme can change). */
    static final String KEY_PREFIX = "ecoledger-import-row/v1\n";

    /** A row made ready: the command and its key, or the problem that stops it. */
    record Prepared(ImportRow row, OfficialId official, EntryType type, Object command, String key,
                    RowProblem problem) {

        boolean registration() {
            return command instanceof RegisterOfficialCommand;
        }

        long number() {
            return row.row();
        }
    }

    private final EntryCommands entryCommands;
    private final ObjectMapper mapper;

    RowCommands(EntryCommands entryCommands, ObjectMapper mapper) {
        this.entryCommands = entryCommands;
        this.mapper = mapper;
    }

    Prepared prepare(ImportRow row, String user) {
        if (row.problem() != null) {
            return failed(row, null, row.problem());
        }
        ObjectNode entry = row.entry();
        long number = row.row();
        JsonNode id = entry.get(ImportColumns.OFFICIAL_ID);
        if (id == null || id.isNull()) {
            return failed(row, null, new RowProblem(number, ImportColumns.OFFICIAL_ID, "必填", "is required", null));
        }
        if (!id.isTextual()) {
            return failed(row, null, new RowProblem(number, ImportColumns.OFFICIAL_ID, "须为文本", "must be a string",
                                                    null));
        }
        OfficialId official;
        try {
            official = OfficialId.of(id.textValue());
        } catch (InvalidEntryException e) {
            return failed(row, null, RowMessages.of(number, id.textValue(), e));
        }
        JsonNode typeNode = entry.get(ImportColumns.TYPE);
        if (typeNode == null || typeNode.isNull()) {
            return failed(row, official, new RowProblem(number, ImportColumns.TYPE, "必填", "is required", null));
        }
        String typeName = typeNode.asText();
        ObjectNode fields = entry.deepCopy();
        fields.remove(ImportColumns.OFFICIAL_ID);
        try {
            if (typeNode.isTextual() && ImportColumns.REGISTERED.equals(typeName)) {
                RowProblem unknown = unknownField(number, fields, Set.copyOf(ImportColumns.REGISTRATION_FIELDS),
                                                  ImportColumns.REGISTERED);
                if (unknown != null) {
                    return failed(row, official, unknown);
                }
                fields.remove(ImportColumns.TYPE);
                fields.put(ImportColumns.OFFICIAL_ID, official.value());
                fields.put("recordedBy", user);
                RegisterOfficialCommand command = mapper.treeToValue(fields, RegisterOfficialCommand.class);
                return new Prepared(row, official, null, command, key(entry), null);
            }
            EntryType type = typeNode.isTextual() ? Arrays.stream(EntryType.values())
                    .filter(candidate -> candidate.name().equals(typeName)).findFirst().orElse(null) : null;
            if (type == null) {
                String all = ImportColumns.REGISTERED + ", " + Arrays.stream(EntryType.values()).map(Enum::name)
                                                                      .collect(Collectors.joining(", "));
                return failed(row, official, new RowProblem(number, ImportColumns.TYPE, "须为以下之一：" + all,
                                                            "must be one of " + all, null));
            }
            RowProblem unknown = unknownField(number, fields, type.allFields(), type.name());
            if (unknown != null) {
                return failed(row, official, unknown);
            }
            Object command = entryCommands.toCommand(official, fields, user);
            return new Prepared(row, official, type, command, key(entry), null);
        } catch (JsonProcessingException | RuntimeException e) {
            return failed(row, official, RowMessages.of(number, official.value(), e));
        }
    }

    private static RowProblem unknownField(long row, ObjectNode fields, Set<String> allowed, String type) {
        for (String name : (Iterable<String>) fields::fieldNames) {
            if (!name.equals(ImportColumns.TYPE) && !allowed.contains(name)) {
                Set<String> known = new LinkedHashSet<>(allowed);
                return new RowProblem(row, name, "不是" + type + "类记录的字段（其字段为 " + String.join("、", known) + "）",
                                      "is not a field of " + type + "; its fields are " + String.join(", ", known),
                                      null);
            }
        }
        return null;
    }

    private static Prepared failed(ImportRow row, OfficialId official, RowProblem problem) {
        return new Prepared(row, official, null, null, null, problem);
    }

    /** The row's import key (see the class comment). */
    static String key(ObjectNode entry) {
        byte[] canonical;
        try {
            canonical = CanonicalJson.encode(entry);
        } catch (NonCanonicalValueException e) {
            canonical = entry.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY_PREFIX.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
