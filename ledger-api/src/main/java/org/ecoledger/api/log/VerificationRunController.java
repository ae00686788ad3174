package org.ecoledger.api.log;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.ecoledger.api.http.problems.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/verification-runs}: verify every record's chain and the log, in the background. */
@RestController
@RequestMapping("/api/v1/verification-runs")
@PreAuthorize(LogEndpoint.READERS)
public class VerificationRunController extends LogEndpoint {

    private static final Pattern EMPTY_OBJECT = Pattern.compile("\\{\\s*}");

    private final VerificationRuns runs;

    VerificationRunController(VerificationRuns runs) {
        this.runs = runs;
    }

    /** Starts a run. The request takes no body; an empty JSON object is tolerated, anything else is a 400. */
    @PostMapping
    ResponseEntity<Map<String, String>> start(HttpServletRequest request) throws IOException {
        requireNoBody(request);
        String runId = runs.start("manual");
        return ResponseEntity.accepted().location(URI.create("/api/v1/verification-runs/" + runId))
                             .body(Map.of("runId", runId));
    }

    private static void requireNoBody(HttpServletRequest request) throws IOException {
        // The headers as sent: a form body may already have been read into parameters.
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.strip().equals("0");
        if (!hasBody) {
            return;
        }
        boolean json;
        try {
            json = request.getContentType() != null
                    && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
        } catch (InvalidMediaTypeException e) {
            json = false;
        }
        if (json) {
            // JSON bodies were read (at most RequestLimits.MAX_BODY_BYTES) and cached by the request limits filter.
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (body.isEmpty() || EMPTY_OBJECT.matcher(body).matches()) {
                return;
            }
        }
        throw ApiException.badField("body", "this request takes no body (at most an empty JSON object, {})");
    }

    @GetMapping("/{runId}")
    VerificationRuns.RunView run(@PathVariable String runId) {
        return runs.find(runId).orElseThrow(() -> new UnknownVerificationRunException(runId));
    }
}
