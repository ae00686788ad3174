package org.ecoledger.api.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, read without ever holding more than {@link ImportLimits#MAX_ROW_CHARS} characters of one line:
 * a longer line is skipped to its end and reported as {@link #TOO_LONG}. Lines end with LF, CRLF or CR.
 */
final class BoundedLines implements Closeable {

    /** Returned instead of a line that is too long. */
    static final String TOO_LONG = new String("\u0000too long");

    private final PeekingReader in;

    BoundedLines(Reader in) {
        this.in = new PeekingReader(in);
    }

    /** The next line without its end, {@link #TOO_LONG}, or {@code null} at the end of the text. */
    String next() throws IOException {
        if (in.peek() == -1) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            int c = in.read();
            if (c == -1 || c == '\n') {
                break;
            }
            if (c == '\r') {
                in.skip('\n');
                break;
            }
            if (!tooLong) {
                if (line.length() >= ImportLimits.MAX_ROW_CHARS) {
                    tooLong = true;
                    line = null;
                } else {
                    line.append((char) c);
                }
            }
        }
        return tooLong ? TOO_LONG : line.toString();
    }


    @Override
    public void close() throws IOException {
        in.close();
    }
}
