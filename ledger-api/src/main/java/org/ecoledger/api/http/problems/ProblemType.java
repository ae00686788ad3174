package org.ecoledger.api.http.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API answers with (RFC 9457 {@code type}): each a stable relative URI
 * {@code /problems/<slug>}, a status and a title. Clients match on {@code type} (and on {@code rule} for rule
 * violations), never on {@code detail}. Listed in {@code docs/http-api.md}.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request is malformed"),
    LIMIT_EXCEEDED("limit-exceeded", HttpStatus.BAD_REQUEST, "A limit of the API is exceeded"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Credentials are required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Your role may not do this"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    RULE_VIOLATION("rule-violation", HttpStatus.CONFLICT, "A rule of the record is broken"),
    ALREADY_EXISTS("already-exists", HttpStatus.CONFLICT, "It already exists"),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT,
            "The record changed concurrently; try again"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.CONFLICT,
            "The Idempotency-Key was used with another request"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", HttpStatus.CONFLICT,
            "A request with this Idempotency-Key is in progress or did not finish"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type"),
    TOO_MANY_SIGN_IN_FAILURES("too-many-sign-in-failures", HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed sign-ins; wait before trying again"),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The store is unavailable; nothing was written"),
    IMPORTS_BUSY("imports-busy", HttpStatus.SERVICE_UNAVAILABLE,
            "Too many imports are waiting; try again later"),
    LEDGER_NOT_EMPTY("ledger-not-empty", HttpStatus.CONFLICT,
            "A ledger can be restored only into an empty store"),
    VIEW_REPLAY_CONFLICT("view-replay-conflict", HttpStatus.CONFLICT,
            "The view is being replayed already, or another node builds it"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** Where the problem types live, as a relative URI reference (RFC 9457 §3.1.1). */
    public static final String BASE = "/problems/";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type of a status answered by Spring itself (405, 406, 415…); {@link #INTERNAL_ERROR} else. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status) {
                return candidate;
            }
        }
        return status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
    }
}
