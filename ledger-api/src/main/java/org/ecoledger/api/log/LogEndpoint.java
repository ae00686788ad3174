package org.ecoledger.api.log;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The log's endpoints. Their exceptions are mapped here, locally, to RFC 9457 problem details with the exceptions'
 * own fields; these handlers belong in the application's shared {@code @RestControllerAdvice} and go once it maps
 * these exceptions.
 */
abstract class LogEndpoint {

    /** Who may read the log, its proofs, evidence and verification runs (shared/API.md). */
    static final String READERS = "hasAnyRole('AUDITOR','DISCIPLINE')";

    private static final String TYPE = "https://ecoledger.org/problems/";

    @ExceptionHandler(ProofUnavailableException.class)
    ResponseEntity<ProblemDetail> proofUnavailable(ProofUnavailableException e) {
        HttpStatus status = e.retryAfterSeconds() == null ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = problem(status, "proof-unavailable", "Proof unavailable", e.getMessage());
        problem.setProperty("requestedTreeSize", e.requestedTreeSize());
        problem.setProperty("availableTreeSize", e.availableTreeSize());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(UnknownEntryException.class)
    ResponseEntity<ProblemDetail> unknownEntry(UnknownEntryException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-entry", "Unknown entry", e.getMessage());
        problem.setProperty("officialId", e.officialId());
        problem.setProperty("sequence", e.sequence());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(UnknownCheckpointException.class)
    ResponseEntity<ProblemDetail> unknownCheckpoint(UnknownCheckpointException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-checkpoint", "Unknown checkpoint",
                                        e.getMessage());
        problem.setProperty("treeSize", e.treeSize());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(InvalidCosignatureException.class)
    ResponseEntity<ProblemDetail> invalidCosignature(InvalidCosignatureException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-cosignature", "Invalid cosignature",
                                        e.getMessage());
        problem.setProperty("witness", e.witness());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownVerificationRunException.class)
    ResponseEntity<ProblemDetail> unknownRun(UnknownVerificationRunException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-verification-run", "Unknown verification run",
                                        e.getMessage());
        problem.setProperty("runId", e.runId());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE + type));
        problem.setTitle(title);
        return problem;
    }
}
