package org.ecoledger.api.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV parser that streams: one record at a time from a {@link Reader}. Fields are separated by commas;
 * a field in double quotes may hold commas, line breaks and doubled quotes; records end with CRLF, LF or CR. A
 * leading byte-order mark is skipped. A record longer than {@link ImportLimits#MAX_ROW_CHARS} characters, or a quote
 * in the middle of an unquoted field, stops the file ({@link ImportFileException}).
 */
final class CsvRecords implements Closeable {

    private final PeekingReader in;
    private boolean started;
    private long record;

    CsvRecords(Reader in) {
        this.in = new PeekingReader(in);
    }

    /** The number of the record {@link #next()} returned last (the first is 1). */
    long record() {
        return record;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException {
        if (!started) {
            started = true;
            in.skip('\uFEFF');
        }
        if (in.peek() == -1) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = in.read();
            if (++length > ImportLimits.MAX_ROW_CHARS) {
                throw new ImportFileException(record, null, "一行超过" + ImportLimits.MAX_ROW_CHARS + "个字符",
                        "a row is longer than " + ImportLimits.MAX_ROW_CHARS + " characters");
            }
            if (quoted) {
                if (c == -1) {
                    throw new ImportFileException(record, null, "引号未闭合", "a quoted field is not closed");
                }
                if (c == '"') {
                    if (in.skip('"')) {
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new ImportFileException(record, null, "未加引号的字段中出现引号",
                            "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    in.skip('\n');
                }
                fields.add(field.toString());
                return fields;
            } else {
                if (wasQuoted) {
                    throw new ImportFileException(record, null, "引号后的字段内容未以逗号分隔",
                            "text after a closing quote (fields are separated by commas)");
                }
                field.append((char) c);
            }
        }
    }



    @Override
    public void close() throws IOException {
        in.close();
    }
}
