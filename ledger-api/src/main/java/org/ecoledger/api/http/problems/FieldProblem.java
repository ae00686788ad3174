package org.ecoledger.api.http.problems;

/**
 * One item of a problem's {@code errors}: a field of the request, in the API's spelling (a JSON path such as
 * {@code replacement.postId} or {@code topics[3]}, or a query parameter), and what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
