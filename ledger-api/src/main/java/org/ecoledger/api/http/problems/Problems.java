package org.ecoledger.api.http.problems;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * Builds the API's problem details (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail}, and
 * {@code errors: [{field, message}]} for field problems. The one place that decides their shape.
 */
public final class Problems {

    /** The extension member listing field problems. */
    public static final String ERRORS = "errors";
    /** The extension member naming the broken rule of the record (a {@code LedgerRule} code) on a 409. */
    public static final String RULE = "rule";
    /** The extension member naming the API limit that was exceeded (a constant of {@code RequestLimits}). */
    public static final String LIMIT = "limit";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail withFields(ProblemType type, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    public static ProblemDetail field(ProblemType type, String field, String message) {
        return withFields(type, field + ": " + message, List.of(new FieldProblem(field, message)));
    }
}
