package org.ecoledger.api.reports;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on A4 pages, top to bottom, with one embedded CJK font: headings, wrapped paragraphs, key-value
 * lines and tables whose cells wrap (CJK text breaks between any two characters, Latin text at spaces when it can),
 * starting a new page when the next block does not fit. A character the font has no glyph for is shown as
 * {@value #MISSING}.
 */
final class PdfPages implements Closeable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 48;
    static final float FOOTER = 36;
    static final String MISSING = "?";
    static final Color TEXT = Color.BLACK;
    static final Color RULE = new Color(0x88, 0x88, 0x88);
    static final Color SHADE = new Color(0xEE, 0xF1, 0xF5);

    private final PDDocument document;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
    }

    PDDocument document() {
        return document;
    }

    PDType0Font font() {
        return font;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    /** The current content stream (a page is started if none is). */
    PDPageContentStream content() throws IOException {
        if (content == null) {
            newPage();
        }
        return content;
    }

    float y() {
        return y;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    void ensure(float height) throws IOException {
        if (content == null || y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    /** Moves down by {@code height} points (which the caller has drawn in). */
    void advance(float height) {
        y -= height;
    }

    /** The text with every character the font cannot show replaced by {@value #MISSING}. */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\n' || codePoint == '\t' || codePoint == '\r') {
                out.append(' ');
            } else if (glyphs.computeIfAbsent(codePoint, this::hasGlyph)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** Draws one line of text at (x, baseline). */
    void text(float x, float baseline, String text, float size, Color color) throws IOException {
        PDPageContentStream stream = content();
        stream.beginText();
        stream.setNonStrokingColor(color);
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable(text));
        stream.endText();
    }

    /** Splits text into lines no wider than {@code width}. */
    List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = printable(text);
        while (!rest.isEmpty()) {
            if (textWidth(rest, size) <= width) {
                lines.add(rest);
                break;
            }
            int fit = 1;
            int[] points = rest.codePoints().toArray();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.length; i++) {
                line.appendCodePoint(points[i]);
                if (font.getStringWidth(line.toString()) / 1000 * size > width) {
                    break;
                }
                fit = line.length();
            }
            fit = Math.max(fit, Character.charCount(rest.codePointAt(0)));
            int space = rest.lastIndexOf(' ', fit);
            boolean latin = fit < rest.length() && rest.charAt(fit) < 0x2E80 && rest.charAt(fit - 1) < 0x2E80;
            if (latin && space > fit / 2) {
                fit = space + 1;
            }
            lines.add(rest.substring(0, fit).stripTrailing());
            rest = rest.substring(fit).stripLeading();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    void heading(String text, float size) throws IOException {
        float height = size * 1.9f;
        ensure(height + 40);
        y -= size * 1.3f;
        text(MARGIN, y, text, size, TEXT);
        y -= size * 0.6f;
        PDPageContentStream stream = content();
        stream.setStrokingColor(RULE);
        stream.setLineWidth(0.6f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + width(), y);
        stream.stroke();
        y -= 4;
    }

    void paragraph(String text, float size, Color color) throws IOException {
        for (String line : wrap(text, size, width())) {
            ensure(size * 1.5f);
            y -= size * 1.35f;
            text(MARGIN, y, line, size, color);
        }
        y -= size * 0.3f;
    }

    void keyValue(String key, String value, float size) throws IOException {
        float keyWidth = 110;
        List<String> lines = wrap(value, size, width() - keyWidth);
        ensure(size * 1.4f * lines.size());
        for (int i = 0; i < lines.size(); i++) {
            y -= size * 1.4f;
            if (i == 0) {
                text(MARGIN, y, key, size, RULE.darker());
            }
            text(MARGIN + keyWidth, y, lines.get(i), size, TEXT);
        }
        y -= size * 0.4f;
    }

    /** A table: the header row shaded, each cell wrapped within its column, rows never split across pages. */
    void table(float[] fractions, String[] header, List<String[]> rows, float size) throws IOException {
        float[] widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            widths[i] = fractions[i] * width();
        }
        row(widths, header, size, true);
        for (String[] row : rows) {
            row(widths, row, size, false);
        }
        y -= size * 0.6f;
    }

    private void row(float[] widths, String[] cells, float size, boolean header) throws IOException {
        float padding = 3;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            List<String> cell = wrap(i < cells.length ? cells[i] : "", size, widths[i] - 2 * padding);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float lineHeight = size * 1.3f;
        float height = lines * lineHeight + 2 * padding;
        ensure(height);
        PDPageContentStream stream = content();
        if (header) {
            stream.setNonStrokingColor(SHADE);
            stream.addRect(MARGIN, y - height, width(), height);
            stream.fill();
        }
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            List<String> cell = wrapped.get(i);
            for (int l = 0; l < cell.size(); l++) {
                text(x + padding, y - padding - (l + 1) * lineHeight + size * 0.25f, cell.get(l), size, TEXT);
            }
            x += widths[i];
        }
        stream.setStrokingColor(RULE);
        stream.setLineWidth(0.3f);
        stream.moveTo(MARGIN, y - height);
        stream.lineTo(MARGIN + width(), y - height);
        stream.stroke();
        y -= height;
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
