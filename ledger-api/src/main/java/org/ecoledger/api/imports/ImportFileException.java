package org.ecoledger.api.imports;

/**
 * The import file as a whole cannot be read on (an unknown column, a malformed CSV quote, a file over a limit, not
 * a spreadsheet): the import stops there with this problem. Rows before it stay appended; importing the corrected
 * file appends only what is missing.
 */
public class ImportFileException extends RuntimeException {

    private final transient RowProblem problem;

    public ImportFileException(long row, String field, String messageZh, String messageEn) {
        super(messageEn);
        this.problem = new RowProblem(row, field, messageZh, messageEn, null);
    }

    public RowProblem problem() {
        return problem;
    }
}
