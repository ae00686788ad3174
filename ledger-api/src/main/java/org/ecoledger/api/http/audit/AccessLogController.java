package org.ecoledger.api.http.audit;

import java.util.List;

import org.ecoledger.api.http.limits.Paging;
import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.core.access.AccessLogId;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.store.RecordVerifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/access-log?officialId=ID}: who read that record, when, what and why (DISCIPLINE, ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/access-log", produces = "application/json")
@Tag(name = "access log", description = "Every read of an official's record, itself recorded and chained")
public class AccessLogController {

    private final RecordVerifier records;

    public AccessLogController(RecordVerifier records) {
        this.records = records;
    }

    @GetMapping
    @Operation(summary = "Who read an official's record, when, what and why",
               description = "Oldest first. An official whose record was never read has an empty log.")
    public ResponseEntity<List<AccessLogLine>> accessLog(@RequestParam String officialId,
                                                         @RequestParam(defaultValue = "0") int page,
                                                         @RequestParam(defaultValue = "" + RequestLimits.MAX_PAGE_SIZE)
                                                         int size) {
        OfficialId official = OfficialId.of(officialId);
        List<AccessLogLine> lines = records.storedEntries(AccessLogId.of(official).aggregateIdentifier(), 0)
                                           .stream().map(AccessLogController::line).toList();
        return Paging.page(lines, page, size);
    }

    private static AccessLogLine line(StoredEntry stored) {
        JsonNode payload = stored.entry().payload();
        JsonNode purpose = payload.get("purpose");
        return new AccessLogLine(stored.entry().sequence(), payload.path("who").asText(),
                                 payload.path("officialId").asText(), payload.path("what").asText(),
                                 payload.path("recordedAt").asText(),
                                 purpose == null || purpose.isNull() ? null : purpose.asText(),
                                 stored.entry().prevHash(), stored.storedHash());
    }
}
