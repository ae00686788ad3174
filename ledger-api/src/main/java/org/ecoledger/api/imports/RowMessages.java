package org.ecoledger.api.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.ecoledger.api.http.problems.ProblemAdvice;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.RuleViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The report of a refused row, in Chinese and English, from what refused it: the same exceptions, and so the same
 * checks, as {@code POST /entries} answers with 400 or 409 ({@code ProblemAdvice}). Decided by exception type and
 * the fields exceptions carry, never by parsing a message: a rule of the record brings its own two messages
 * ({@code LedgerRule}), a malformed field its reason in both languages ({@link InvalidEntryException#reasonZh()}),
 * and a value of the wrong JSON shape the expected shape, named here in both.
 */
final class RowMessages {

    private RowMessages() {
    }

    static RowProblem of(long row, String officialId, Throwable refusal) {
        RuleViolationException rule = ProblemAdvice.find(refusal, RuleViolationException.class);
        if (rule != null) {
            String detail = rule.detail() == null ? "" : "（" + rule.detail() + "）";
            String detailEn = rule.detail() == null ? "" : " (" + rule.detail() + ")";
            return new RowProblem(row, rule.field(), rule.rule().messageZh() + detail,
                                  rule.rule().messageEn() + detailEn, rule.rule().code());
        }
        InvalidEntryException invalid = ProblemAdvice.find(refusal, InvalidEntryException.class);
        if (invalid != null) {
            return new RowProblem(row, invalid.field(),
                                  invalid.reasonZh() == null ? "格式不正确" : invalid.reasonZh(), invalid.reason(), null);
        }
        if (ProblemAdvice.find(refusal, AggregateNotFoundException.class) != null) {
            return notRegistered(row, officialId);
        }
        if (ProblemAdvice.find(refusal, AggregateStreamCreationException.class) != null) {
            return alreadyRegistered(row, officialId);
        }
        JsonProcessingException json = ProblemAdvice.find(refusal, JsonProcessingException.class);
        if (json != null) {
            return json(row, json);
        }
        return new RowProblem(row, null, "该记录未被接受", "the entry was refused ("
                + refusal.getClass().getSimpleName() + ")", null);
    }

    static RowProblem notRegistered(long row, String officialId) {
        return new RowProblem(row, ImportColumns.OFFICIAL_ID, "没有该干部的档案（请先建档：REGISTERED 行或 POST /officials）",
                              "There is no official " + officialId + " (register them first: a REGISTERED row or "
                                      + "POST /officials)", null);
    }

    static RowProblem alreadyRegistered(long row, String officialId) {
        return new RowProblem(row, ImportColumns.OFFICIAL_ID, "该干部已建档，不能重复建档",
                              "The official " + officialId + " is already registered", null);
    }

    private static RowProblem json(long row, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new RowProblem(row, null, "无法读取该行", "the row cannot be read", null);
        }
        String field = ProblemAdvice.path(mapping);
        field = field.isEmpty() ? null : field;
        if (e instanceof UnrecognizedPropertyException) {
            return new RowProblem(row, field, "不是该记录类型的字段", "is not a field of this entry type", null);
        }
        Class<?> target = e instanceof InvalidFormatException format ? format.getTargetType()
                : e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        return new RowProblem(row, field, expectationZh(target), ProblemAdvice.expectation(target), null);
    }

    /** {@link ProblemAdvice#expectation(Class)} in Chinese. */
    static String expectationZh(Class<?> type) {
        if (type == null) {
            return "类型不正确";
        }
        if (type.isEnum()) {
            return "须为以下之一：" + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                                          .collect(Collectors.joining("、"));
        }
        if (type == LocalDate.class) {
            return "须为日期，格式 YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "须为时刻，如 2018-05-01T08:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "须为整数";
        }
        if (type == String.class || type.isRecord() && type.getRecordComponents().length == 1) {
            return "须为文本";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "须为列表";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        return "须为 JSON 对象";
    }
}
