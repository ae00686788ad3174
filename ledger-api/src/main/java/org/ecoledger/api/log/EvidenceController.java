package org.ecoledger.api.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.record.OfficialId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/officials/{id}/evidence[?since=M]}: the record's self-contained evidence bundle
 * ({@code eco-ledger-evidence/1}), all entries proven into the latest checkpoint.
 */
@RestController
@PreAuthorize(LogEndpoint.READERS)
public class EvidenceController extends LogEndpoint {

    private final TransparencyLog log;

    EvidenceController(TransparencyLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/officials/{officialId}/evidence")
    ObjectNode evidence(@PathVariable String officialId, @RequestParam(required = false) Long since) {
        return log.evidence(OfficialId.of(officialId), since);
    }
}
