package org.ecoledger.api.http.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ecoledger.api.http.limits.CachedBodyRequest;
import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ProblemResponses;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.mongodb.MongoException;

/**
 * {@code Idempotency-Key} on the API's POSTs. The first request with a key (per authenticated user) runs and its
 * answer is stored; the same key with a byte-identical request (method, path, query, body) gets that answer again
 * (status, body, {@code Location}; marked {@code Idempotent-Replayed: true}) and nothing runs; the same key with
 * another request is 409 {@code idempotency-key-reused}; a key whose first request is still running, or never
 * finished because the process stopped mid-request, is 409 {@code idempotency-key-in-progress} — never a second
 * run that could append twice. An answer of 5xx marks the key failed: the same request may be sent again with it,
 * and since the failed attempt may have written before the store went away, the writer of the retry first looks for
 * what it stored ({@link #RETRY_ATTRIBUTE}) and answers with that instead of writing again. Every write of a keyed
 * request carries a request id derived from the user and the key ({@link #REQUEST_ID_ATTRIBUTE}), so the attempt that
 * wrote can be recognized.
 *
 * <p>Multipart uploads (imports) are not covered: they bring their own duplicate detection.
 *
 * <p>Runs after authentication and authorization: an unauthenticated or forbidden request never claims a key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Request attribute: the request id the writer stores with what this keyed request writes. */
    public static final String REQUEST_ID_ATTRIBUTE = IdempotencyFilter.class.getName() + ".requestId";
    /** Request attribute ({@link Boolean#TRUE}): this request retries one that failed with a 5xx under the same key. */
    public static final String RETRY_ATTRIBUTE = IdempotencyFilter.class.getName() + ".retry";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;

    public IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/")
                || contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!wellFormed(key)) {
            problems.write(response, Problems.field(ProblemType.MALFORMED_REQUEST, HEADER,
                    "must be 1 to " + RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH
                            + " visible ASCII characters without spaces"));
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String user = authentication.getName();
        String fingerprint = fingerprint(request);
        IdempotencyKeys.Claim claim;
        try {
            claim = keys.claim(key, user, fingerprint);
        } catch (MongoException e) {
            log.warn("Idempotency keys unavailable: {}", e.toString());
            problems.write(response, Problems.of(ProblemType.STORE_UNAVAILABLE,
                    "The store could not be reached to check the Idempotency-Key; nothing was written"));
            return;
        }
        if (claim.earlier().isPresent()) {
            answerAgain(claim.earlier().get(), fingerprint, response);
            return;
        }
        request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId(key, user));
        if (claim.retry()) {
            request.setAttribute(RETRY_ATTRIBUTE, Boolean.TRUE);
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() < 500) {
                // Kept and written later if the store is away now; the key answers "in progress" meanwhile.
                keys.complete(key, user, answer.getStatus(), answer.getContentType(),
                              answer.getHeader(HttpHeaders.LOCATION),
                              new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
                completed = true;
            }
        } finally {
            if (!completed) {
                markFailed(key, user);
            }
        }
        answer.copyBodyToResponse();
    }

    private void answerAgain(IdempotencyKeys.Stored earlier, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            problems.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request (method, path or body); use a new key"));
            return;
        }
        if (!earlier.done()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still running, or its outcome waits for the store to be "
                            + "written (try again after Retry-After), or its node stopped before it answered (then read "
                            + "the record to see whether it was written, and use a new key if not)"));
            return;
        }
        response.setStatus(earlier.status());
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = earlier.body() == null ? new byte[0] : earlier.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void markFailed(String key, String user) {
        keys.failed(key, user); // kept and written later if the store is away now
    }

    /** The request id of what a keyed request writes: the same for every attempt with this user and key. */
    static String requestId(String key, String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((user + "\n" + key)
                                                                              .getBytes(StandardCharsets.UTF_8));
            return "idempotency-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 over the key", e);
        }
    }

    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static String fingerprint(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                                  .getBytes(StandardCharsets.UTF_8));
            byte[] body = CachedBodyRequest.bodyOf(request);
            digest.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 over the request", e);
        }
    }
}
