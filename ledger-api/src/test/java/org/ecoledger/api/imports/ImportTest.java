package org.ecoledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.ecoledger.api.http.entries.EntryCommands;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.writes.BatchWriter;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.RecordMovedException;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.store.RecordVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports over HTTP against the running application: files with good and bad rows of every type in every format,
 * the exact report, nothing of a bad row stored, and importing again appending nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportTest {

    /** A user holding every appending role, so that every entry type can be imported by one file. */
    static final String OFFICE = "office";
    static final String REQUIRED = "必填 / is required";

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir,
                "--ledger.security.users[0].name=" + OFFICE,
                "--ledger.security.users[0].password-hash=" + new BCryptPasswordEncoder().encode(OFFICE),
                "--ledger.security.users[0].roles=RECORDER,ORGANIZATION,DISCIPLINE");
        api = new Api(ledger);
        api.city();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    // ------------------------------------------------------------------ files

    /** One expected rejection: row, field and message. */
    record Rejection(long row, String field, String message) {
    }

    /**
     * The story of every entry type for {@code official}, each type first as a bad row (its first required field
     * missing), then as the good one; a bad and a good registration first; then rows that break a rule, a type, an
     * unknown type and an unknown official.
     */
    static List<ObjectNode> everyTypeGoodAndBad(String official, List<Rejection> expected) {
        List<ObjectNode> rows = new ArrayList<>();
        ObjectNode registration = Api.object().put("officialId", official).put("type", "REGISTERED")
                                     .put("name", "李四").put("occurredOn", "2017-12-01");
        ObjectNode unnamed = registration.deepCopy();
        unnamed.remove("name");
        rows.add(unnamed);
        expected.add(new Rejection(2, "name", REQUIRED));
        rows.add(registration);
        for (EntryExamples.Example example : EntryExamples.STORY) {
            ObjectNode good = Api.object().put("officialId", official);
            good.setAll(example.body());
            ObjectNode bad = good.deepCopy();
            String missing = example.type().requiredFields().get(0);
            bad.remove(missing);
            expected.add(new Rejection(rows.size() + 2, missing, REQUIRED));
            rows.add(bad);
            rows.add(good);
        }
        ObjectNode early = Api.object().put("officialId", official);
        early.setAll(EntryExamples.of(EntryType.MEETING_HELD).body().put("occurredOn", "2017-12-05"));
        expected.add(new Rejection(rows.size() + 2, "postId", "本人在该日期（期间）未担任该岗位（" + EntryExamples.POST
                + " on 2017-12-05） / The official did not hold this post on that date (for that period) ("
                + EntryExamples.POST + " on 2017-12-05)"));
        rows.add(early);
        ObjectNode days = Api.object().put("officialId", official);
        days.setAll(EntryExamples.of(EntryType.GRASSROOTS_DAYS_REPORTED).body().put("days", "二十"));
        expected.add(new Rejection(rows.size() + 2, "days", "须为整数 / must be an integer"));
        rows.add(days);
        ObjectNode date = Api.object().put("officialId", official);
        date.setAll(EntryExamples.of(EntryType.SUMMONED).body().put("occurredOn", "2018-13-01"));
        expected.add(new Rejection(rows.size() + 2, "occurredOn", "须为日期，格式 YYYY-MM-DD / must be a date, YYYY-MM-DD"));
        rows.add(date);
        ObjectNode stranger = Api.object().put("officialId", "nobody-" + official);
        stranger.setAll(EntryExamples.of(EntryType.MEETING_HELD).body());
        expected.add(new Rejection(rows.size() + 2, "officialId", "没有该干部的档案（请先建档：REGISTERED 行或 POST /officials） / "
                + "There is no official nobody-" + official + " (register them first: a REGISTERED row or POST /officials)"));
        rows.add(stranger);
        ObjectNode again = registration.deepCopy().put("name", "李四（重复）");
        expected.add(new Rejection(rows.size() + 2, "officialId",
                "该干部已建档，不能重复建档 / The official " + official + " is already registered"));
        rows.add(again);
        return rows;
    }

    static byte[] csv(List<ObjectNode> rows, Charset charset) {
        StringBuilder csv = new StringBuilder();
        List<String> header = ImportColumns.COLUMNS.stream().map(ImportTemplates::headerCell).toList();
        csv.append(String.join(",", header)).append("\r\n");
        for (ObjectNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : ImportColumns.COLUMNS) {
                String cell = ImportTemplates.cell(row, column);
                cells.add(cell.contains(",") || cell.contains("\"")
                                  ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString().getBytes(charset);
    }

    static byte[] ndjson(List<ObjectNode> rows) {
        StringBuilder lines = new StringBuilder();
        for (ObjectNode row : rows) {
            lines.append(row).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<ObjectNode> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("导入");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            XSSFRow header = sheet.createRow(0);
            for (int i = 0; i < ImportColumns.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(ImportTemplates.headerCell(ImportColumns.COLUMNS.get(i)));
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow line = sheet.createRow(r + 1);
                for (int i = 0; i < ImportColumns.COLUMNS.size(); i++) {
                    String column = ImportColumns.COLUMNS.get(i);
                    String value = ImportTemplates.cell(rows.get(r), column);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (column.equals("occurredOn") && isDate(value)) {
                        // a real date cell, as Excel stores a typed date
                        line.createCell(i).setCellValue(java.time.LocalDate.parse(value));
                        line.getCell(i).setCellStyle(dateStyle);
                    } else if (value.matches("\\d{1,15}")) {
                        line.createCell(i).setCellValue(Double.parseDouble(value)); // a number cell
                    } else {
                        line.createCell(i).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static boolean isDate(String value) {
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ running an import

    JsonNode importFile(String user, String fileName, byte[] content) {
        Api.Answer accepted = api.upload(user, "/api/v1/imports", "file", fileName, content).expect(202);
        String importId = accepted.json().path("importId").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/imports/" + importId);
        return await(user, importId);
    }

    JsonNode await(String user, String importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode status = api.get(user, "/api/v1/imports/" + importId).expect(200).json();
            String state = status.path("status").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return status;
            }
            assertThat(Instant.now()).as("import %s still %s", importId, state).isBefore(deadline);
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<Rejection> rejections(JsonNode status) {
        List<Rejection> rejected = new ArrayList<>();
        for (JsonNode row : status.path("rejected")) {
            rejected.add(new Rejection(row.path("row").asLong(), row.hasNonNull("field") ? row.path("field").asText()
                    : null, row.path("message").asText()));
        }
        return rejected;
    }

    List<JsonNode> entries(String official) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("auditor", "/api/v1/officials/" + official + "/entries").expect(200).json().forEach(entries::add);
        return entries;
    }

    // ------------------------------------------------------------------ tests

    @Nested
    class EveryFormat {

        @Test
        void csvWithGoodAndBadRowsOfEveryType_appendsTheGoodInOrder_reportsEachBadExactly_andAgainAppendsNothing() {
            List<Rejection> expected = new ArrayList<>();
            List<ObjectNode> rows = everyTypeGoodAndBad("imp-csv", expected);
            byte[] file = csv(rows, StandardCharsets.UTF_8);

            JsonNode first = importFile(OFFICE, "台账.csv", file);

            assertThat(first.path("status").asText()).isEqualTo("DONE");
            assertThat(first.path("format").asText()).isEqualTo("CSV");
            assertThat(first.path("rowsTotal").asLong()).isEqualTo(rows.size());
            assertThat(first.path("rows").asLong()).isEqualTo(rows.size());
            assertThat(first.path("appended").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
            assertThat(first.path("skipped").asLong()).isZero();
            assertThat(first.path("rejectedCount").asLong()).isEqualTo(expected.size());
            assertThat(rejections(first)).containsExactlyElementsOf(expected);
            assertThat(first.path("rejected").get(EntryExamples.STORY.size() + 1).path("rule").asText())
                    .isEqualTo("POST_NOT_HELD_ON_DATE");

            List<JsonNode> stored = entries("imp-csv");
            assertThat(stored).extracting(entry -> entry.path("type").asText()).containsExactlyElementsOf(
                    concat("REGISTERED", EntryExamples.STORY.stream().map(e -> e.type().name()).toList()));
            assertThat(stored).allSatisfy(entry -> assertThat(entry.path("metadata").path("importKey").asText())
                    .matches("[0-9a-f]{64}"));
            assertThat(stored.get(1).path("payload").path("recordedBy").asText()).isEqualTo(OFFICE);
            JsonNode verification = api.get("auditor", "/api/v1/officials/imp-csv/verification").expect(200).json();
            assertThat(verification.path("valid").asBoolean()).isTrue();
            assertThat(verification.path("entries").asLong()).isEqualTo(stored.size());

            JsonNode again = importFile(OFFICE, "台账.csv", file);
            assertThat(again.path("status").asText()).isEqualTo("DONE");
            assertThat(again.path("appended").asLong()).isZero();
            assertThat(again.path("skipped").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
            assertThat(rejections(again)).hasSize(expected.size());
            assertThat(entries("imp-csv")).hasSize(stored.size());

            // The same rows as NDJSON have the same keys: nothing is appended either.
            JsonNode asNdjson = importFile(OFFICE, "ledger.ndjson", ndjson(rows));
            assertThat(asNdjson.path("appended").asLong()).isZero();
            assertThat(asNdjson.path("skipped").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
            assertThat(entries("imp-csv")).hasSize(stored.size());
        }

        @Test
        void ndjsonWithGoodAndBadRowsOfEveryType_reportsByLineNumber() {
            List<Rejection> expected = new ArrayList<>();
            List<ObjectNode> rows = everyTypeGoodAndBad("imp-ndjson", expected);
            StringBuilder lines = new StringBuilder(new String(ndjson(rows), StandardCharsets.UTF_8));
            lines.append("\n{\"officialId\": \"imp-ndjson\", \"type\": \"MEETING_HELD\",\n");  // a blank line, then a broken one
            JsonNode status = importFile(OFFICE, "ledger.ndjson", lines.toString().getBytes(StandardCharsets.UTF_8));

            // CSV rows count from the header (row 1); NDJSON from the first line: one less.
            List<Rejection> byLine = new ArrayList<>(expected.stream()
                    .map(r -> new Rejection(r.row() - 1, r.field(), r.message())).toList());
            byLine.add(new Rejection(rows.size() + 2, null, "该行不是格式正确的 JSON / the line is not well-formed JSON"));
            assertThat(status.path("status").asText()).isEqualTo("DONE");
            assertThat(rejections(status)).containsExactlyElementsOf(byLine);
            assertThat(status.path("appended").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
            assertThat(entries("imp-ndjson")).hasSize(1 + EntryExamples.STORY.size());
        }

        @Test
        void xlsxWithDateAndNumberCells_isReadWithTheStreamingReader_andReportsBySheetRow() throws IOException {
            List<Rejection> expected = new ArrayList<>();
            List<ObjectNode> rows = everyTypeGoodAndBad("imp-xlsx", expected);
            JsonNode status = importFile(OFFICE, "台账.xlsx", xlsx(rows));

            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.path("format").asText()).isEqualTo("XLSX");
            assertThat(rejections(status)).containsExactlyElementsOf(expected);
            List<JsonNode> stored = entries("imp-xlsx");
            assertThat(stored).hasSize(1 + EntryExamples.STORY.size());
            // a date cell and a 12-digit number cell were read as the text the API expects
            assertThat(stored.get(1).path("payload").path("occurredOn").asText()).isEqualTo("2018-01-02");
            assertThat(stored.get(1).path("payload").path("jurisdictionCode").asText()).isEqualTo(EntryExamples.CITY);

            // The same rows as CSV in GB18030 (Excel's "CSV" on Chinese Windows): already there.
            JsonNode gbk = importFile(OFFICE, "台账.csv", csv(rows, Charset.forName("GB18030")));
            assertThat(gbk.path("appended").asLong()).isZero();
            assertThat(gbk.path("skipped").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
            assertThat(rejections(gbk)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anImportInterruptedHalfway_isCompletedByImportingTheWholeFile_withoutDuplicates() {
        List<ObjectNode> rows = new ArrayList<>(everyTypeGoodAndBad("imp-half", new ArrayList<>()));
        List<ObjectNode> half = rows.subList(0, rows.size() / 2);
        JsonNode first = importFile(OFFICE, "half.csv", csv(half, StandardCharsets.UTF_8));
        long firstAppended = first.path("appended").asLong();
        assertThat(firstAppended).isPositive();

        JsonNode whole = importFile(OFFICE, "whole.csv", csv(rows, StandardCharsets.UTF_8));
        assertThat(whole.path("skipped").asLong()).isEqualTo(firstAppended);
        assertThat(firstAppended + whole.path("appended").asLong()).isEqualTo(1 + EntryExamples.STORY.size());
        assertThat(entries("imp-half")).hasSize(1 + EntryExamples.STORY.size());
    }

    @Test
    void theSameEntryTwiceInOneFile_isAppendedTwice_andNeverAgain() {
        ObjectNode registration = Api.object().put("officialId", "imp-twice").put("type", "REGISTERED")
                                     .put("name", "王五").put("occurredOn", "2017-12-01");
        ObjectNode appointed = Api.object().put("officialId", "imp-twice");
        appointed.setAll(EntryExamples.of(EntryType.APPOINTED).body());
        ObjectNode meeting = Api.object().put("officialId", "imp-twice");
        meeting.setAll(EntryExamples.of(EntryType.MEETING_HELD).body());
        List<ObjectNode> rows = List.of(registration, appointed, meeting, meeting);

        assertThat(importFile("recorder", "twice.ndjson", ndjson(rows)).path("appended").asLong()).isEqualTo(4);
        JsonNode again = importFile("recorder", "twice.ndjson", ndjson(rows));
        assertThat(again.path("appended").asLong()).isZero();
        assertThat(again.path("skipped").asLong()).isEqualTo(4);
        // one more occurrence in a new file is one more entry
        JsonNode third = importFile("recorder", "thrice.ndjson", ndjson(List.of(meeting, meeting, meeting)));
        assertThat(third.path("appended").asLong()).isEqualTo(1);
        assertThat(entries("imp-twice")).hasSize(5);
    }

    @Test
    void aRowOfATypeTheUploaderMayNotAppend_isRejected_andTheOthersAppended() {
        ObjectNode registration = Api.object().put("officialId", "imp-roles").put("type", "REGISTERED")
                                     .put("name", "赵六").put("occurredOn", "2017-12-01");
        ObjectNode appointed = Api.object().put("officialId", "imp-roles");
        appointed.setAll(EntryExamples.of(EntryType.APPOINTED).body());
        ObjectNode veto = Api.object().put("officialId", "imp-roles");
        veto.setAll(EntryExamples.of(EntryType.ONE_VETO).body());
        ObjectNode referral = Api.object().put("officialId", "imp-roles");
        referral.setAll(EntryExamples.of(EntryType.ACCOUNTABILITY_REFERRED).body());

        JsonNode byRecorder = importFile("recorder", "roles.csv",
                                         csv(List.of(registration, appointed, veto, referral), StandardCharsets.UTF_8));
        assertThat(byRecorder.path("appended").asLong()).isEqualTo(2);
        assertThat(rejections(byRecorder)).containsExactly(
                new Rejection(4, "type", "上传者的角色无权录入该类记录（ONE_VETO：限 ORGANIZATION） / Only ORGANIZATION may append ONE_VETO"),
                new Rejection(5, "type", "上传者的角色无权录入该类记录（ACCOUNTABILITY_REFERRED：限 DISCIPLINE） / "
                        + "Only DISCIPLINE may append ACCOUNTABILITY_REFERRED"));

        JsonNode byOrganization = importFile("organization", "veto.ndjson", ndjson(List.of(veto)));
        assertThat(byOrganization.path("appended").asLong()).isEqualTo(1);
        assertThat(entries("imp-roles")).extracting(e -> e.path("type").asText())
                                         .containsExactly("REGISTERED", "APPOINTED", "ONE_VETO");
    }

    @Test
    void aFileThatCannotBeRead_failsWithItsProblem_andAppendsNothing() {
        byte[] unknownColumn = "officialId,type,colour\r\nx,MEETING_HELD,red\r\n".getBytes(StandardCharsets.UTF_8);
        JsonNode status = importFile("recorder", "bad.csv", unknownColumn);
        assertThat(status.path("status").asText()).isEqualTo("FAILED");
        assertThat(status.path("problem").path("row").asLong()).isEqualTo(1);
        assertThat(status.path("problem").path("field").asText()).isEqualTo("colour");
        assertThat(status.path("problem").path("message").asText())
                .isEqualTo("不是导入格式中的列（见导入模板） / is not a column of the import layout (see the templates)");

        byte[] notXlsx = "not a workbook".getBytes(StandardCharsets.UTF_8);
        assertThat(importFile("recorder", "bad.xlsx", notXlsx).path("status").asText()).isEqualTo("FAILED");

        String unclosed = "officialId（干部编号）,type,occurredOn,name\r\nimp-unclosed,REGISTERED,2017-12-01,孙七\r\n"
                + "imp-unclosed,REGISTERED,2017-12-01,\"孙七\r\n";
        JsonNode stopped = importFile("recorder", "unclosed.csv", unclosed.getBytes(StandardCharsets.UTF_8));
        assertThat(stopped.path("status").asText()).isEqualTo("FAILED");
        assertThat(stopped.path("problem").path("message").asText()).isEqualTo("引号未闭合 / a quoted field is not closed");
        assertThat(stopped.path("problem").path("row").asLong()).isEqualTo(3);
        // the file's structure is checked by the counting pass, before any row is written
        assertThat(stopped.path("appended").asLong()).isZero();
        api.get("auditor", "/api/v1/officials/imp-unclosed/entries").problem(404, "not-found");
    }

    @Test
    void theHttpSide_refusesWhatItCannotImport_andShowsAnImportOnlyToItsUploader() {
        api.upload("recorder", "/api/v1/imports", "file", "entries.txt", "x".getBytes(StandardCharsets.UTF_8))
           .problem(400, "malformed-request");
        api.upload("recorder", "/api/v1/imports", "file", "entries.csv", new byte[0]).problem(400, "malformed-request");
        api.upload("recorder", "/api/v1/imports", "attachment", "entries.csv", "a".getBytes(StandardCharsets.UTF_8))
           .problem(400, "malformed-request");

        String importId = api.upload("recorder", "/api/v1/imports", "file", "x.ndjson",
                                     "{}\n".getBytes(StandardCharsets.UTF_8)).expect(202).json().path("importId").asText();
        await("recorder", importId);
        api.get("organization", "/api/v1/imports/" + importId).problem(404, "not-found");
        api.get("recorder", "/api/v1/imports/no-such-import").problem(404, "not-found");
    }

    @Test
    void everyTemplate_importsAsItIs_byAUserWithEveryAppendingRole() {
        for (ImportFormat format : ImportFormat.values()) {
            var template = api.getBytes("recorder", "/api/v1/imports/templates/" + format.name().toLowerCase(Locale.ROOT));
            assertThat(template.statusCode()).isEqualTo(200);
            assertThat(template.headers().firstValue("Content-Type").orElseThrow()).startsWith(
                    format.mediaType().split(";")[0]);
            assertThat(template.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("ledger-import-template." + format.extension());
            JsonNode status = importFile(OFFICE, "template." + format.extension(), template.body());
            assertThat(status.path("rejectedCount").asLong()).as(status.toString()).isZero();
            long expected = format == ImportFormat.values()[0] ? 1 + EntryExamples.STORY.size() : 0;
            assertThat(status.path("appended").asLong()).as(format.name()).isEqualTo(expected);
        }
        assertThat(entries(ImportTemplates.EXAMPLE_OFFICIAL)).hasSize(1 + EntryExamples.STORY.size());
        api.get("recorder", "/api/v1/imports/templates/pdf").problem(400, "malformed-request");
    }

    /**
     * Two nodes import overlapping rows at once: between this node's read of the record and its write, the other
     * node appends the first rows of the same batch. The write is refused as a whole, the record is read again, the
     * rows found there are skipped and the rest appended after them: every row is in the record once.
     */
    @Test
    void anImportOnAnotherNode_appendingTheSameRowsMeanwhile_leavesEachRowInTheRecordOnce() throws IOException {
        String official = "imp-two-nodes";
        List<ObjectNode> rows = new ArrayList<>();
        rows.add(Api.object().put("officialId", official).put("type", "REGISTERED").put("name", "王五")
                    .put("occurredOn", "2017-12-01"));
        for (EntryExamples.Example example : EntryExamples.STORY) {
            ObjectNode row = Api.object().put("officialId", official);
            row.setAll(example.body());
            rows.add(row);
        }
        int earlier = 3;
        BatchWriter otherNode = ledger.bean(BatchWriter.class);
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        BatchWriter racing = new BatchWriter(ledger.bean(CommandBus.class), ledger.bean(EventStore.class),
                ledger.bean(RecordVerifier.class),
                () -> ledger.bean(org.axonframework.config.Configuration.class).repository(OfficialRecord.class)) {
            @Override
            public List<Outcome> writeAfter(String aggregateId, long expectedHead, List<?> commands,
                                            List<? extends Map<String, ?>> metadata) {
                if (writes.getAndIncrement() == 0) {
                    otherNode.write(aggregateId, commands.subList(0, earlier), metadata.subList(0, earlier));
                }
                try {
                    return super.writeAfter(aggregateId, expectedHead, commands, metadata);
                } catch (RecordMovedException moved) {
                    refused.incrementAndGet();
                    throw moved;
                }
            }
        };
        Path directory = dataDir.resolve("other-node-imports");
        Files.createDirectories(directory);
        try (ImportRunner thisNode = new ImportRunner(ledger.bean(ImportJobs.class),
                new RowCommands(ledger.bean(EntryCommands.class), ledger.bean(ObjectMapper.class)),
                Map.of(ImportFormat.CSV, new CsvRowReader()), racing, ledger.bean(RecordVerifier.class),
                Clock.systemUTC(), directory)) {
            String importId = UUID.randomUUID().toString();
            Path file = Files.write(directory.resolve(importId + ".csv"), csv(rows, StandardCharsets.UTF_8));
            thisNode.submit(new ImportJobs.Job(importId, OFFICE, Set.of("RECORDER", "ORGANIZATION", "DISCIPLINE"),
                                               ImportFormat.CSV.name(), "台账.csv"), file);
            JsonNode status = await(OFFICE, importId);

            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("DONE");
            assertThat(refused.get()).as("the first write, refused, then written after the other node's rows")
                                     .isEqualTo(1);
            assertThat(status.path("skipped").asLong()).isEqualTo(earlier);
            assertThat(status.path("appended").asLong()).isEqualTo(rows.size() - earlier);
            assertThat(status.path("rejectedCount").asLong()).isZero();
        }
        List<String> keys = ledger.bean(RecordVerifier.class).storedEntries(OfficialId.of(official)
                .aggregateIdentifier()).stream()
                .map(entry -> entry.entry().metadata().path(LedgerWriter.IMPORT_KEY).asText()).toList();
        assertThat(keys).hasSize(rows.size()).doesNotHaveDuplicates().doesNotContain("");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
