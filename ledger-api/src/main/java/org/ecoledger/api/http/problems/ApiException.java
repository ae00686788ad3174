package org.ecoledger.api.http.problems;

import java.util.Objects;

import org.springframework.http.ProblemDetail;

/**
 * An answer decided by the API itself (a missing resource, a limit, an existing rule set…), carrying its problem
 * detail; the advice answers it as is.
 */
public class ApiException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ApiException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problems.of(ProblemType.NOT_FOUND, detail));
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(Problems.field(ProblemType.MALFORMED_REQUEST, field, message));
    }

    public static ApiException conflict(ProblemType type, String detail) {
        return new ApiException(Problems.of(type, detail));
    }
}
