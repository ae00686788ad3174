package org.ecoledger.api.log;

import jakarta.servlet.http.HttpServletRequest;
import org.ecoledger.api.http.audit.AccessAudit;
import org.springframework.security.core.Authentication;
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
    private final AccessAudit audit;

    EvidenceController(TransparencyLog log, AccessAudit audit) {
        this.log = log;
        this.audit = audit;
    }

    @GetMapping("/api/v1/officials/{officialId}/evidence")
    ObjectNode evidence(@PathVariable String officialId, @RequestParam(required = false) Long since,
                        Authentication caller, HttpServletRequest request) {
        OfficialId official = OfficialId.of(officialId);
        ObjectNode bundle = log.evidence(official, since);
        audit.record(caller, official, "evidence" + (since == null ? "" : "?since=" + since), request);
        return bundle;
    }
}
