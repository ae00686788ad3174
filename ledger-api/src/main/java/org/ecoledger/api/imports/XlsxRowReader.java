package org.ecoledger.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * .xlsx rows, read with POI's streaming event model ({@link XSSFReader} and a SAX parser over the first sheet's
 * XML), never with the DOM workbook: rows are handed on as the parser meets them. The first row is the header
 * ({@link ImportColumns}); the row number is the sheet's own. Cells are read as shown, except that a date cell is
 * read as {@code YYYY-MM-DD} and a whole number in a general format as plain digits (a 12-digit jurisdiction code
 * typed into a number cell stays {@code 130300000000}, not {@code 1.303E+11}).
 *
 * <p>The workbook's shared-string table (each distinct text once) is held while the sheet is read; rows are not.
 */
final class XlsxRowReader implements RowReader {

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        try (OPCPackage workbook = open(file)) {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Rows rows = new Rows(sink);
            try (InputStream sheet = firstSheet(reader)) {
                XMLReader parser = SAXHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
            if (rows.columns == null) {
                throw new ImportFileException(1, null, "工作表为空，缺少表头行", "the sheet is empty: no header row");
            }
        } catch (SAXException | ParserConfigurationException | OpenXML4JException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public long count(Path file) throws IOException {
        try (OPCPackage workbook = open(file)) {
            XSSFReader reader = new XSSFReader(workbook);
            long[] rows = {0};
            try (InputStream sheet = firstSheet(reader)) {
                XMLReader parser = SAXHelper.newXMLReader();
                parser.setContentHandler(new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if ("row".equals(localName)) {
                            rows[0]++;
                        }
                    }
                });
                parser.parse(new InputSource(sheet));
            }
            return Math.max(0, rows[0] - 1);
        } catch (SAXException | ParserConfigurationException | OpenXML4JException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
            throw unreadable(e);
        }
    }

    private static OPCPackage open(Path file) throws IOException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | org.apache.poi.UnsupportedFileFormatException e) {
            throw unreadable(e);
        }
    }

    private static InputStream firstSheet(XSSFReader reader) throws IOException, InvalidFormatException {
        var sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new ImportFileException(1, null, "工作簿中没有工作表", "the workbook has no sheet");
        }
        return sheets.next();
    }

    private static ImportFileException unreadable(Exception e) {
        return new ImportFileException(1, null, "不是可读取的 .xlsx 工作簿",
                "not a readable .xlsx workbook (" + e.getClass().getSimpleName() + ")");
    }

    /** Collects a row's cells by column and hands the row on at its end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private ImportColumns columns;
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                if (ImportColumns.blank(cells)) {
                    return; // leading empty rows before the header
                }
                columns = ImportColumns.fromHeader(new ArrayList<>(cells), rowNumber);
                return;
            }
            if (!ImportColumns.blank(cells)) {
                sink.accept(columns.toRow(rowNumber, new ArrayList<>(cells)));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            if (column >= ImportLimits.MAX_COLUMNS) {
                throw new ImportFileException(rowNumber, cellReference, "列数超过" + ImportLimits.MAX_COLUMNS,
                        "more than " + ImportLimits.MAX_COLUMNS + " columns");
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
            // not part of the data
        }
    }

    /** Shows dates as ISO dates and whole numbers in a general format as plain digits. */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15
                    && (formatString == null || "General".equalsIgnoreCase(formatString) || "0".equals(formatString)
                        || "@".equals(formatString))) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

}
