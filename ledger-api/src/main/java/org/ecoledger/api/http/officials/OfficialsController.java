package org.ecoledger.api.http.officials;

import java.net.URI;

import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.WriteReceipt;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.rules.Require;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/officials}: opens an official's record (建档); 409 when it exists. */
@RestController
@RequestMapping(path = "/api/v1/officials", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "officials", description = "Opening an official's record")
public class OfficialsController {

    private final LedgerWriter writer;

    public OfficialsController(LedgerWriter writer) {
        this.writer = writer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an official (open the record)",
               description = "201 with Location /api/v1/officials/{officialId} and the registration's place in the "
                       + "chain (sequence 0); 409 already-exists when a record with this id exists.")
    public ResponseEntity<WriteReceipt> register(@RequestBody RegisterOfficialRequest request, Authentication caller) {
        OfficialId official = OfficialId.of(Require.present(request.officialId(), "officialId"));
        WriteReceipt receipt = writer.write(new RegisterOfficialCommand(official, request.name(), request.occurredOn(),
                                                                        request.sourceDocument(),
                                                                        Callers.name(caller)),
                                            official.aggregateIdentifier());
        return ResponseEntity.created(URI.create("/api/v1/officials/"
                                                         + UriUtils.encodePathSegment(official.value(), "UTF-8")))
                             .body(receipt);
    }
}
