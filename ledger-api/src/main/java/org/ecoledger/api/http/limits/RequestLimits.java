package org.ecoledger.api.http.limits;

import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.FieldProblem;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * The API's bounds on untrusted sizes. Each is answered 400 ({@code limit-exceeded}) or 413 ({@code payload-too-large})
 * with the constant's name in the problem's {@code limit} member. Bounds of the domain (identifiers, texts in
 * commands) are in ledger-core's {@code Require}; these are the API's own, and tighter.
 */
public final class RequestLimits {

    /** Largest request body, in bytes (JSON requests; multipart uploads have their own limits). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Longest string anywhere in a JSON body, in a query parameter or in {@code X-Purpose}, in characters. */
    public static final int MAX_STRING_LENGTH = 4_000;
    /** Most items of any array in a JSON body. */
    public static final int MAX_ARRAY_ITEMS = 200;
    /** Most rows one page of a listing holds; {@code size} above it is refused. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Longest {@code Idempotency-Key}, in characters. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private RequestLimits() {
    }

    /** A 400 naming the exceeded limit and the field. */
    public static ProblemDetail exceeded(String limit, String field, String message) {
        ProblemDetail problem = Problems.withFields(ProblemType.LIMIT_EXCEEDED, field + ": " + message,
                                                    List.of(new FieldProblem(field, message)));
        problem.setProperty(Problems.LIMIT, limit);
        return problem;
    }

    /** A 413 for a body over {@link #MAX_BODY_BYTES}. */
    public static ProblemDetail bodyTooLarge() {
        ProblemDetail problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
                                            "The request body is larger than " + MAX_BODY_BYTES + " bytes");
        problem.setProperty(Problems.LIMIT, "MAX_BODY_BYTES");
        return problem;
    }

    /** Checks a page size against {@link #MAX_PAGE_SIZE}; 400 when it is out of bounds. */
    public static int pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(exceeded("MAX_PAGE_SIZE", "size",
                                            "must be between 1 and " + MAX_PAGE_SIZE));
        }
        return size;
    }

    /** Checks a page number; 400 when negative. */
    public static int page(int page) {
        if (page < 0) {
            throw ApiException.badField("page", "must not be negative");
        }
        return page;
    }
}
