package org.ecoledger.api.http.verification;

import jakarta.servlet.http.HttpServletRequest;

import org.ecoledger.api.http.audit.AccessAudit;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.store.RecordVerifier;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/officials/{officialId}/verification}: verifies the record's chain from the stored data. */
@RestController
@Tag(name = "verification", description = "Verifying an official's hash chain from the stored data alone")
public class VerificationController {

    private final RecordVerifier verifier;
    private final AccessAudit audit;

    public VerificationController(RecordVerifier verifier, AccessAudit audit) {
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/officials/{officialId}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify an official's record",
               description = "Recomputes every hash and link of the record as stored. An invalid record answers "
                       + "200 with valid=false, the first invalid sequence, the problem, and the expected and "
                       + "actual values. The read is recorded in the access log.")
    public VerificationView verify(@PathVariable String officialId, Authentication caller,
                                   HttpServletRequest request) {
        OfficialId official = OfficialId.of(officialId);
        ChainVerification verification = verifier.verify(official.aggregateIdentifier());
        if (verification.valid() && verification.entries() == 0) {
            throw ApiException.notFound("There is no official " + official.value());
        }
        audit.record(caller, official, "verification", request);
        return VerificationView.of(verification);
    }
}
