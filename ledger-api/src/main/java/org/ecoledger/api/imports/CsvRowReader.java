package org.ecoledger.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV rows ({@link CsvRecords}, {@link ImportColumns}): the first record is the header. The file is UTF-8 (with or
 * without a byte-order mark); a file that is not valid UTF-8 is read as GB18030, which is what Excel writes as "CSV"
 * on Chinese Windows (a superset of GBK and GB2312). The row number is the record's number, the header being 1, as
 * a spreadsheet shows it.
 */
final class CsvRowReader implements RowReader {

    /** The encoding of a file that is not UTF-8. */
    static final Charset FALLBACK = Charset.forName("GB18030");

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        try (CsvRecords records = open(file)) {
            List<String> header = records.next();
            if (header == null) {
                throw new ImportFileException(1, null, "文件为空，缺少表头行", "the file is empty: no header row");
            }
            ImportColumns columns = ImportColumns.fromHeader(header, 1);
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                if (!ImportColumns.blank(cells)) {
                    sink.accept(columns.toRow(records.record(), cells));
                }
            }
        }
    }

    @Override
    public long count(Path file) throws IOException {
        long rows = 0;
        try (CsvRecords records = open(file)) {
            if (records.next() == null) {
                throw new ImportFileException(1, null, "文件为空，缺少表头行", "the file is empty: no header row");
            }
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                if (!ImportColumns.blank(cells)) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private static CsvRecords open(Path file) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : FALLBACK;
        return new CsvRecords(new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** Whether the whole file decodes as UTF-8 (read in blocks, never all at once). */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                var result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
                if (end) {
                    return !decoder.flush(chars).isError();
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
