package org.ecoledger.api.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecoledger.api.http.entries.EntryExamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The downloadable import templates, one per format: the column layout ({@link ImportColumns}; a header of field
 * names with their Chinese labels for CSV and .xlsx) and, as examples, one row per entry type telling the story of
 * {@link EntryExamples} for the official {@value #EXAMPLE_OFFICIAL}, opened by a {@code REGISTERED} row. Imported
 * as it is into a ledger that knows the city {@value EntryExamples#CITY}, by a user holding RECORDER, ORGANIZATION
 * and DISCIPLINE, every row is appended; replace the example rows with your own.
 */
public final class ImportTemplates {

    /** The official of the example rows. */
    public static final String EXAMPLE_OFFICIAL = "example-0001";

    private ImportTemplates() {
    }

    /** The example rows, as entries ({@code officialId}, {@code type}, fields). */
    public static List<ObjectNode> exampleRows() {
        List<ObjectNode> rows = new ArrayList<>();
        ObjectNode registration = JsonNodeFactory.instance.objectNode().put(ImportColumns.OFFICIAL_ID, EXAMPLE_OFFICIAL)
                .put(ImportColumns.TYPE, ImportColumns.REGISTERED).put("name", "张三").put("occurredOn", "2017-12-01")
                .put("sourceDocument", "秦组干〔2017〕30号");
        rows.add(registration);
        for (EntryExamples.Example example : EntryExamples.STORY) {
            ObjectNode row = JsonNodeFactory.instance.objectNode().put(ImportColumns.OFFICIAL_ID, EXAMPLE_OFFICIAL);
            row.setAll(example.body());
            rows.add(row);
        }
        return rows;
    }

    public static byte[] of(ImportFormat format) {
        return switch (format) {
            case CSV -> csv();
            case NDJSON -> ndjson();
            case XLSX -> xlsx();
        };
    }

    /** The header cell of a column: its name and its Chinese label, {@code postId（岗位编号）}. */
    static String headerCell(String column) {
        return column + "（" + ImportColumns.LABELS.get(column) + "）";
    }

    /** The text of a column's cell for an example row; empty when the row has no such field. */
    static String cell(ObjectNode row, String column) {
        JsonNode value = row.get(column);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join("|", items);
        }
        return value.isObject() ? value.toString() : value.asText();
    }

    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = ImportColumns.COLUMNS.stream().map(ImportTemplates::headerCell).toList();
        line(csv, header);
        for (ObjectNode row : exampleRows()) {
            line(csv, ImportColumns.COLUMNS.stream().map(column -> cell(row, column)).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }

    private static byte[] ndjson() {
        StringBuilder lines = new StringBuilder();
        for (ObjectNode row : exampleRows()) {
            lines.append(row.toString()).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("entries");
            DataFormat formats = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@")); // text cells: dates and codes stay as typed
            CellStyle bold = workbook.createCellStyle();
            bold.cloneStyleFrom(text);
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            XSSFRow header = sheet.createRow(0);
            for (int i = 0; i < ImportColumns.COLUMNS.size(); i++) {
                XSSFCell cell = header.createCell(i);
                cell.setCellValue(headerCell(ImportColumns.COLUMNS.get(i)));
                cell.setCellStyle(bold);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 20 * 256);
            }
            int r = 1;
            for (ObjectNode row : exampleRows()) {
                XSSFRow line = sheet.createRow(r++);
                for (int i = 0; i < ImportColumns.COLUMNS.size(); i++) {
                    String value = cell(row, ImportColumns.COLUMNS.get(i));
                    if (!value.isEmpty()) {
                        XSSFCell cell = line.createCell(i);
                        cell.setCellValue(value);
                        cell.setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(2, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
