package org.ecoledger.api.imports;

/** The bounds of an import (STYLE.md: every untrusted size is bounded by a named constant). */
public final class ImportLimits {

    /** The largest file accepted, in bytes; also {@code spring.servlet.multipart.max-file-size}. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** The most data rows one file may hold. */
    public static final long MAX_ROWS = 1_000_000;
    /** The longest row of a CSV or NDJSON file, in characters. */
    public static final int MAX_ROW_CHARS = 256 * 1024;
    /** The longest cell of a row, in characters (as a string of a JSON body, {@code RequestLimits.MAX_STRING_LENGTH}). */
    public static final int MAX_CELL_CHARS = 4_000;
    /** The most columns of a CSV or .xlsx file. */
    public static final int MAX_COLUMNS = 200;
    /** Rows read before they are written: rows of one official within such a chunk are written as one batch. */
    public static final int CHUNK_ROWS = 5_000;
    /** Rejected rows per page of {@code GET /api/v1/imports/{id}?page=}. */
    public static final int REJECTIONS_PER_PAGE = 500;
    /** Imports waiting for the import worker beyond the one running; more are answered 503. */
    public static final int MAX_QUEUED = 8;

    private ImportLimits() {
    }
}
