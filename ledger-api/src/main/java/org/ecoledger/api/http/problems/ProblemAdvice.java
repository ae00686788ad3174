package org.ecoledger.api.http.problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.ecoledger.core.rules.InvalidEntryException;
import org.ecoledger.core.rules.RuleViolationException;
import org.ecoledger.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoException;

/**
 * The one mapping of exceptions to RFC 9457 problem details ({@code application/problem+json}). Decides by exception
 * type and the fields the exceptions carry ({@link InvalidEntryException#field()}, {@link RuleViolationException#rule()},
 * Jackson's path), never by parsing a message; never answers a stack trace, and never a 500 for bad input.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return answer(e.problem());
    }

    @ExceptionHandler(InvalidEntryException.class)
    ResponseEntity<Object> invalidEntry(InvalidEntryException e) {
        return answer(Problems.field(ProblemType.MALFORMED_REQUEST, e.field(), e.reason()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        String detail = e.rule().messageEn() + " / " + e.rule().messageZh()
                + (e.detail() == null ? "" : " (" + e.detail() + ")");
        ProblemDetail problem = e.field() == null
                ? Problems.of(ProblemType.RULE_VIOLATION, detail)
                : Problems.withFields(ProblemType.RULE_VIOLATION, detail,
                                      List.of(new FieldProblem(e.field(), e.rule().messageEn())));
        problem.setProperty(Problems.RULE, e.rule().code());
        return answer(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return answer(Problems.of(ProblemType.NOT_FOUND, "There is no " + describe(String.valueOf(e.getAggregateIdentifier()))));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> exists(AggregateStreamCreationException e) {
        return answer(Problems.of(ProblemType.ALREADY_EXISTS, "A record with this identifier already exists"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return answer(Problems.of(ProblemType.CONCURRENT_MODIFICATION,
                                  "Another request appended to the same record at the same time; nothing was "
                                          + "written for this one"));
    }

    @ExceptionHandler({StoreUnavailableException.class, MongoException.class, EventStoreException.class})
    ResponseEntity<Object> storeUnavailable(Exception e) {
        log.warn("Store unavailable: {}", e.toString());
        ResponseEntity<Object> answer = answer(Problems.of(ProblemType.STORE_UNAVAILABLE,
                "The store could not be reached or could not make the write durable; nothing was half-written. "
                        + "Retry later (with the same Idempotency-Key)."));
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<Object> json(JsonProcessingException e) {
        return answer(describeJson(e));
    }

    /** A multipart body that cannot be read (not multipart at all, a broken boundary) is the client's error. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return answer(Problems.of(ProblemType.MALFORMED_REQUEST, "The multipart body cannot be read"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return answer(Problems.of(ProblemType.FORBIDDEN, e.getMessage()));
    }

    /** Anything else: an exception that wraps a known one is answered as that one; otherwise a 500 without details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api(api);
            } else if (cause instanceof InvalidEntryException invalid) {
                return invalidEntry(invalid);
            } else if (cause instanceof RuleViolationException rule) {
                return ruleViolation(rule);
            } else if (cause instanceof AggregateNotFoundException missing) {
                return notFound(missing);
            } else if (cause instanceof AggregateStreamCreationException exists) {
                return exists(exists);
            } else if (cause instanceof ConcurrencyException concurrent) {
                return concurrent(concurrent);
            } else if (cause instanceof StoreUnavailableException || cause instanceof MongoException) {
                return storeUnavailable((Exception) cause);
            }
        }
        log.error("Unexpected error answering a request", e);
        return answer(Problems.of(ProblemType.INTERNAL_ERROR,
                                  "An unexpected error occurred; it has been logged. Nothing is known to have "
                                          + "been written."));
    }

    // ------------------------------------------------------------------ Spring MVC's own exceptions, reshaped

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(describeJson(json));
        }
        return answer(Problems.of(ProblemType.MALFORMED_REQUEST, "The request needs a JSON body"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return answer(Problems.field(ProblemType.MALFORMED_REQUEST, field == null ? "parameter" : field,
                                     expectation(e.getRequiredType())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return answer(Problems.field(ProblemType.MALFORMED_REQUEST, e.getParameterName(), "is required"));
    }

    /** Every other answer of Spring MVC (404, 405, 406, 415…) gets the API's problem type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.ofStatus(status.value());
        String detail = body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                                                                                          : type.title();
        ProblemDetail problem = Problems.of(type, detail);
        problem.setStatus(status.value());
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answerHeaders, status);
    }

    // ------------------------------------------------------------------ JSON problems, from Jackson's types

    static ProblemDetail describeJson(JsonProcessingException e) {
        InvalidEntryException invalid = find(e, InvalidEntryException.class);
        if (invalid != null) {
            return Problems.field(ProblemType.MALFORMED_REQUEST, invalid.field(), invalid.reason());
        }
        if (e instanceof StreamConstraintsException) {
            return Problems.of(ProblemType.LIMIT_EXCEEDED, "The JSON body exceeds a parser limit (nesting or size)");
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not well-formed JSON" + where);
        }
        String field = path(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(mapping);
            message = "is not a field of this request"
                    + (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty() ? ""
                            : "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                                                          .sorted().collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException format) {
            message = expectation(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            message = expectation(mismatched.getTargetType());
        } else {
            message = "cannot be read";
        }
        return Problems.field(ProblemType.MALFORMED_REQUEST, field.isEmpty() ? "body" : field, message);
    }

    /** Where in a document Jackson failed, as a field path: {@code topics[2]}, {@code replacement.postId}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of {@code type} must look like, in words for a caller. */
    public static String expectation(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                                             .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        if (type == java.time.Instant.class) {
            return "must be an instant, e.g. 2018-05-01T08:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == String.class || type.isRecord() && type.getRecordComponents().length == 1) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be a JSON object";
    }

    /** The first exception of {@code type} in {@code e}'s chain of causes (cycles ended), or null. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable cause = e; cause != null && !seen.contains(cause); cause = cause.getCause()) {
            seen.add(cause);
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(String aggregateIdentifier) {
        if (aggregateIdentifier == null) {
            return "such record";
        }
        int slash = aggregateIdentifier.indexOf('/');
        if (slash < 0) {
            return "record " + aggregateIdentifier;
        }
        String kind = switch (aggregateIdentifier.substring(0, slash)) {
            case "official" -> "official";
            case "case" -> "inspection case";
            case "jurisdiction" -> "jurisdiction";
            case "department" -> "department";
            default -> "record";
        };
        return kind + " " + aggregateIdentifier.substring(slash + 1);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }
}
