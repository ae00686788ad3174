package org.ecoledger.api.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of an import file as read: its number in the file and either the entry it holds as a JSON object
 * ({@code officialId}, {@code type} and the fields, as the body of {@code POST /entries} plus {@code officialId}) or
 * the problem that made it unreadable.
 *
 * @param row     the row's number: the spreadsheet's row number for CSV and .xlsx (the header is row 1), the line
 *                number for NDJSON
 * @param entry   the entry, or {@code null} when the row could not be read
 * @param problem why the row could not be read, or {@code null}
 */
public record ImportRow(long row, ObjectNode entry, RowProblem problem) {

    static ImportRow of(long row, ObjectNode entry) {
        return new ImportRow(row, entry, null);
    }

    static ImportRow problem(long row, RowProblem problem) {
        return new ImportRow(row, null, problem);
    }
}
