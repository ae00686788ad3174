package org.ecoledger.api.http.reference;

import java.time.LocalDate;

import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.WriteReceipt;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.RegisterDepartmentCommand;
import org.ecoledger.core.rules.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/departments}: registers a department (职能部门) of a city, county or township. */
@RestController
@RequestMapping(path = "/api/v1/departments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "reference data")
public class DepartmentsController {

    /** The body; {@code validFrom} defaults to 1949-10-01. */
    public record RegisterDepartmentRequest(DepartmentCode code, String name, JurisdictionCode jurisdictionCode,
                                            LocalDate validFrom, String sourceDocument) {
    }

    private final LedgerWriter writer;

    public DepartmentsController(LedgerWriter writer) {
        this.writer = writer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a department",
               description = "409 already-exists for an existing code; 409 rule-violation when the jurisdiction did "
                       + "not exist on validFrom or is a village.")
    public ResponseEntity<WriteReceipt> register(@RequestBody RegisterDepartmentRequest request,
                                                 Authentication caller) {
        DepartmentCode code = Require.present(request.code(), "code");
        WriteReceipt receipt = writer.write(new RegisterDepartmentCommand(code, request.name(),
                                                                          request.jurisdictionCode(),
                                                                          request.validFrom(),
                                                                          request.sourceDocument(),
                                                                          Callers.name(caller)),
                                            code.aggregateIdentifier());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }
}
