package org.ecoledger.api.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/** A buffered reader of characters that can look at the next one before taking it, for the streaming parsers. */
final class PeekingReader implements Closeable {

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    PeekingReader(Reader in) {
        this.in = in;
    }

    /** The next character without taking it, or -1 at the end. */
    int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position];
    }

    /** Takes the next character, or returns -1 at the end. */
    int read() throws IOException {
        int c = peek();
        if (c != -1) {
            position++;
        }
        return c;
    }

    /** Takes the next character if it is {@code expected}; returns whether it was. */
    boolean skip(int expected) throws IOException {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
