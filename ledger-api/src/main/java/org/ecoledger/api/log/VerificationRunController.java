package org.ecoledger.api.log;

import java.net.URI;
import java.util.Map;

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

    private final VerificationRuns runs;

    VerificationRunController(VerificationRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start() {
        String runId = runs.start("manual");
        return ResponseEntity.accepted().location(URI.create("/api/v1/verification-runs/" + runId))
                             .body(Map.of("runId", runId));
    }

    @GetMapping("/{runId}")
    VerificationRuns.RunView run(@PathVariable String runId) {
        return runs.find(runId).orElseThrow(() -> new UnknownVerificationRunException(runId));
    }
}
