package org.ecoledger.api.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * NDJSON rows: one JSON object a line, UTF-8, each the body of {@code POST /officials/{officialId}/entries} with
 * {@code officialId} added ({@code {"officialId":"…","type":"MEETING_HELD","occurredOn":"…",…}}), or a
 * {@code REGISTERED} row. Blank lines are skipped; the row number is the line number.
 */
final class NdjsonRowReader implements RowReader {

    private final ObjectMapper mapper;

    NdjsonRowReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        try (BoundedLines lines = open(file)) {
            long number = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line == BoundedLines.TOO_LONG) {
                    sink.accept(ImportRow.problem(number, new RowProblem(number, null,
                            "一行超过" + ImportLimits.MAX_ROW_CHARS + "个字符",
                            "the line is longer than " + ImportLimits.MAX_ROW_CHARS + " characters", null)));
                    continue;
                }
                sink.accept(row(number, line));
            }
        }
    }

    private ImportRow row(long number, String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return ImportRow.problem(number, new RowProblem(number, null, "该行不是格式正确的 JSON",
                    "the line is not well-formed JSON", null));
        }
        if (node == null || !node.isObject()) {
            return ImportRow.problem(number, new RowProblem(number, null, "该行须为一个 JSON 对象",
                    "the line must be one JSON object", null));
        }
        return ImportRow.of(number, (ObjectNode) node);
    }

    @Override
    public long count(Path file) throws IOException {
        long rows = 0;
        try (BoundedLines lines = open(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank() && !line.equals("\uFEFF")) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private static BoundedLines open(Path file) throws IOException {
        return new BoundedLines(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }
}
