package org.ecoledger.api.log;

import java.util.List;
import java.util.Map;

import org.ecoledger.core.logstore.PublishedKey;
import org.ecoledger.core.record.OfficialId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/log}: the signed checkpoint, proofs, the log's keys, witness cosignatures (shared/API.md). */
@RestController
@RequestMapping("/api/v1/log")
@PreAuthorize(LogEndpoint.READERS)
public class LogController extends LogEndpoint {

    /** The signed checkpoint's media type. */
    static final MediaType TEXT_UTF8 = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final TransparencyLog log;

    LogController(TransparencyLog log) {
        this.log = log;
    }

    /** The latest signed checkpoint (C2SP signed note), or the one of {@code treeSize}. */
    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@RequestParam(required = false) Long treeSize) {
        String note = treeSize == null ? log.latestCheckpoint().note() : log.checkpoint(treeSize).note();
        return ResponseEntity.ok().contentType(TEXT_UTF8).body(note);
    }

    @GetMapping("/proofs/inclusion")
    TransparencyLog.InclusionProof inclusion(@RequestParam String officialId, @RequestParam long sequence,
                                             @RequestParam(required = false) Long treeSize) {
        return log.inclusionProof(OfficialId.of(officialId), sequence, treeSize);
    }

    @GetMapping("/proofs/consistency")
    TransparencyLog.ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        return log.consistencyProof(first, second);
    }

    /** Every public key the log has ever signed with (key rotation keeps the old ones). */
    @GetMapping("/keys")
    Map<String, List<PublishedKey>> keys() {
        return Map.of("keys", log.keys());
    }

    /** A witness's cosignature of a checkpoint: {@code {treeSize, cosignature: "— <witness> <base64>"}}. */
    @PostMapping(path = "/cosignatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TransparencyLog.Cosignature> cosign(@RequestBody CosignatureRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(log.addCosignature(request.treeSize(),
                                                                                 request.cosignature()));
    }

    /** The body of {@code POST /api/v1/log/cosignatures}. */
    public record CosignatureRequest(long treeSize, String cosignature) {
    }
}
