package org.ecoledger.api.imports;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ecoledger.api.http.entries.EntryCommands;
import org.ecoledger.core.record.EntryType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 导入列格式 (the column layout of CSV and .xlsx imports): one row an entry; the header row names the columns, each
 * an entry field in the API's spelling ({@code docs/imports.md} lists them with their Chinese labels). A header cell
 * may carry a label after the name ({@code postId（岗位编号）} or {@code postId 岗位编号}): only the leading name
 * counts. {@value #OFFICIAL_ID} and {@value #TYPE} are required columns; every other column is optional and a row
 * leaves empty the cells its type does not have.
 *
 * <p>A cell becomes the JSON value the entry's command expects, by the type of the command's component: text as
 * text (dates as {@code YYYY-MM-DD}), an integer as a JSON integer (anything else stays text, so the strict binding
 * of {@code POST /entries} reports it exactly as for a JSON body), a list as a JSON array of its items separated by
 * {@code |} or line breaks (or a JSON array written in the cell), the correction's {@code replacement} as the JSON
 * object written in the cell. An empty cell is an absent field. Cells are trimmed.
 */
public final class ImportColumns {

    /** The column naming the official whose record the row appends to. */
    public static final String OFFICIAL_ID = "officialId";
    /** The column naming the entry type; {@value #REGISTERED} opens a new record. */
    public static final String TYPE = EntryCommands.TYPE;
    /** The row type that registers an official (opens the record), with {@code name}, as {@code POST /officials}. */
    public static final String REGISTERED = "REGISTERED";
    /** The fields of a {@value #REGISTERED} row besides {@code officialId}. */
    public static final List<String> REGISTRATION_FIELDS = List.of("name", "occurredOn", "sourceDocument");

    /** How a cell is read into JSON. */
    enum Kind { TEXT, INTEGER, TEXT_LIST, INTEGER_LIST, OBJECT }

    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9]*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:\\||\\r?\\n)\\s*");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<EntryType, Map<String, Kind>> KINDS = new EnumMap<>(EntryType.class);
    /** Every column, in the order of the templates. */
    public static final List<String> COLUMNS;
    /** The Chinese label of every column, for the templates and the docs. */
    public static final Map<String, String> LABELS;

    static {
        Set<String> columns = new LinkedHashSet<>(List.of(OFFICIAL_ID, TYPE, "occurredOn", "sourceDocument", "name"));
        for (EntryType type : EntryType.values()) {
            Map<String, Kind> kinds = new LinkedHashMap<>();
            for (RecordComponent component : EntryCommands.commandClass(type).getRecordComponents()) {
                if (type.allFields().contains(component.getName())) {
                    kinds.put(component.getName(), kindOf(component.getGenericType()));
                }
            }
            KINDS.put(type, kinds);
            for (String field : type.allFields()) {
                columns.add(field);
            }
        }
        COLUMNS = List.copyOf(columns);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(OFFICIAL_ID, "干部编号");
        labels.put(TYPE, "记录类型");
        labels.put("occurredOn", "发生日期");
        labels.put("sourceDocument", "文号");
        labels.put("name", "姓名（建档）");
        labels.put("postId", "岗位编号");
        labels.put("role", "职务");
        labels.put("responsibilityKind", "责任类型");
        labels.put("jurisdictionCode", "行政区域代码");
        labels.put("departmentCode", "职能部门代码");
        labels.put("reason", "原因（事由）");
        labels.put("year", "年度");
        labels.put("letterId", "责任书编号");
        labels.put("keyTasks", "重点任务");
        labels.put("body", "会议类型");
        labels.put("topics", "议题");
        labels.put("location", "地点");
        labels.put("findings", "发现问题");
        labels.put("periodStart", "统计期起");
        labels.put("periodEnd", "统计期止");
        labels.put("days", "下基层天数");
        labels.put("workingDays", "工作日数");
        labels.put("by", "约谈机关");
        labels.put("rectificationDeadline", "整改期限");
        labels.put("problemId", "问题编号");
        labels.put("description", "描述");
        labels.put("grade", "考核等次");
        labels.put("conditions", "第十八条情形");
        labels.put("unit", "单位");
        labels.put("capacity", "责任身份");
        labels.put("caseId", "案件编号");
        labels.put("referredTo", "移交机关");
        labels.put("outcome", "问责结果");
        labels.put("damageOccurredOn", "损害发生日期");
        labels.put("conclusion", "审计结论");
        labels.put("correctsSequence", "被更正记录序号");
        labels.put("correctedType", "被更正记录类型");
        labels.put("approvedBy", "批准人");
        labels.put("replacement", "更正内容（JSON）");
        for (String column : COLUMNS) {
            if (!labels.containsKey(column)) {
                throw new IllegalStateException("column " + column + " has no Chinese label");
            }
        }
        LABELS = Collections.unmodifiableMap(labels);
    }

    private final List<String> header;

    private ImportColumns(List<String> header) {
        this.header = header;
    }

    /**
     * The layout a header row declares.
     *
     * @param cells the header row's cells
     * @throws ImportFileException when a column is unknown or repeated, or a required column is missing
     */
    public static ImportColumns fromHeader(List<String> cells, long row) {
        if (cells.size() > ImportLimits.MAX_COLUMNS) {
            throw new ImportFileException(row, null, "列数超过" + ImportLimits.MAX_COLUMNS,
                    "more than " + ImportLimits.MAX_COLUMNS + " columns");
        }
        List<String> header = new ArrayList<>(cells.size());
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (cell.isEmpty()) {
                header.add(null); // an unnamed column: its cells must stay empty
                continue;
            }
            var name = NAME.matcher(cell);
            String column = name.find() ? name.group() : "";
            if (!COLUMNS.contains(column)) {
                throw new ImportFileException(row, cell, "不是导入格式中的列（见导入模板）",
                        "is not a column of the import layout (see the templates)");
            }
            if (!seen.add(column)) {
                throw new ImportFileException(row, column, "列名重复", "is a repeated column");
            }
            header.add(column);
        }
        for (String required : List.of(OFFICIAL_ID, TYPE)) {
            if (!seen.contains(required)) {
                throw new ImportFileException(row, required, "缺少必需的列", "is a required column and is missing");
            }
        }
        return new ImportColumns(header);
    }

    /**
     * A data row as the JSON object of an entry ({@code officialId}, {@code type} and the non-empty cells), or the
     * problem of a cell that cannot be read.
     */
    ImportRow toRow(long row, List<String> cells) {
        ObjectNode entry = JSON.objectNode();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (cell.length() > ImportLimits.MAX_CELL_CHARS) {
                String field = i < header.size() && header.get(i) != null ? header.get(i) : "column " + (i + 1);
                return ImportRow.problem(row, new RowProblem(row, field, "超过" + ImportLimits.MAX_CELL_CHARS + "个字符",
                        "is longer than " + ImportLimits.MAX_CELL_CHARS + " characters", null));
            }
            if (i >= header.size() || header.get(i) == null) {
                return ImportRow.problem(row, new RowProblem(row, "column " + (i + 1), "该列没有列名，单元格须为空",
                        "the column has no name in the header; its cells must be empty", null));
            }
            values.put(header.get(i), cell);
        }
        String type = values.get(TYPE);
        Map<String, Kind> kinds = type == null ? Map.of() : kindsOf(type).orElse(Map.of());
        for (Map.Entry<String, String> value : values.entrySet()) {
            String field = value.getKey();
            Kind kind = field.equals(OFFICIAL_ID) || field.equals(TYPE) ? Kind.TEXT
                    : kinds.getOrDefault(field, Kind.TEXT);
            try {
                entry.set(field, read(kind, value.getValue()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return ImportRow.problem(row, new RowProblem(row, field, "须为 JSON 对象",
                        "must be a JSON object", null));
            }
        }
        return ImportRow.of(row, entry);
    }

    /** Whether every cell of a row is empty (such rows are skipped). */
    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    /** How the fields of an entry type are read; empty for an unknown type or {@value #REGISTERED}. */
    static Optional<Map<String, Kind>> kindsOf(String type) {
        for (EntryType candidate : EntryType.values()) {
            if (candidate.name().equals(type)) {
                return Optional.of(KINDS.get(candidate));
            }
        }
        return Optional.empty();
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static JsonNode read(Kind kind, String cell) throws JsonProcessingException {
        switch (kind) {
            case INTEGER:
                return integer(cell);
            case TEXT_LIST:
            case INTEGER_LIST: {
                if (cell.startsWith("[")) {
                    JsonNode array = PLAIN.readTree(cell);
                    if (!array.isArray()) {
                        throw new IllegalArgumentException("not an array");
                    }
                    return array;
                }
                ArrayNode array = JSON.arrayNode();
                for (String item : LIST_SEPARATOR.split(cell)) {
                    if (!item.isEmpty()) {
                        array.add(kind == Kind.INTEGER_LIST ? integer(item) : JSON.textNode(item));
                    }
                }
                return array;
            }
            case OBJECT: {
                JsonNode object = PLAIN.readTree(cell);
                if (object == null || !object.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                return object;
            }
            default:
                return JSON.textNode(cell);
        }
    }

    /** An integer cell as a JSON integer; anything else stays text (the binding then says "must be an integer"). */
    private static JsonNode integer(String cell) {
        if (cell.matches("-?\\d{1,18}")) {
            return JSON.numberNode(Long.parseLong(cell));
        }
        return JSON.textNode(cell);
    }

    private static Kind kindOf(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return list.getActualTypeArguments()[0] == Integer.class ? Kind.INTEGER_LIST : Kind.TEXT_LIST;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Kind.INTEGER;
        }
        if (type == ObjectNode.class) {
            return Kind.OBJECT;
        }
        return Kind.TEXT;
    }
}
