package org.ecoledger.api.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 拒收行 (a rejected row of an import): which row, which field, and why, in Chinese and English. Nothing of a
 * rejected row is stored.
 *
 * @param row     the row's number in the file ({@link ImportRow#row()})
 * @param field   the field (a column, or a JSON path such as {@code replacement.postId}); {@code null} when the
 *                refusal concerns the entry as a whole
 * @param message the reason in Chinese, then {@code " / "}, then in English
 * @param rule    the broken rule of the record ({@code LedgerRule} code, docs/rules.md) when a rule refused the row
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowProblem(long row, String field, String message, String rule) {

    /** The separator between the Chinese and the English message. */
    public static final String SEPARATOR = " / ";

    public RowProblem(long row, String field, String messageZh, String messageEn, String rule) {
        this(row, field, messageZh + SEPARATOR + messageEn, rule);
    }
}
