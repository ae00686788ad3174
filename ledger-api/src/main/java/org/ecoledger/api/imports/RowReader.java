package org.ecoledger.api.imports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an import file row by row, in file order, handing each row to a sink as it is read: the file is never held
 * in memory (streaming parsers for every format).
 */
interface RowReader {

    /** Receives the rows. */
    @FunctionalInterface
    interface RowSink {
        void accept(ImportRow row);
    }

    /**
     * Reads every data row of {@code file} into {@code sink}.
     *
     * @throws ImportFileException when the file cannot be read on (the rows before were handed over)
     */
    void read(Path file, RowSink sink) throws IOException;

    /**
     * How many data rows {@code file} holds (a quick pass without converting cells), for the progress.
     *
     * @throws ImportFileException when the file cannot be read
     */
    long count(Path file) throws IOException;
}
