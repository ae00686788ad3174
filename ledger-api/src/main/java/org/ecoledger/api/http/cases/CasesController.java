package org.ecoledger.api.http.cases;

import java.time.LocalDate;

import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.WriteReceipt;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.rules.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Inspection cases (督察交办件): assigned, then moved one step at a time to CLOSED (整改销号). */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "cases", description = "Inspection cases (督察交办件), a record per case")
public class CasesController {

    /** The body of {@code POST /api/v1/cases}. */
    public record AssignCaseRequest(CaseId caseId, JurisdictionCode jurisdictionCode, CaseSource source,
                                    CaseKind kind, String description, LocalDate assignedOn,
                                    String sourceDocument) {
    }

    /** The body of {@code POST /api/v1/cases/{caseId}/transitions}. */
    public record TransitionRequest(CaseStatus status, LocalDate on, String note, String sourceDocument) {
    }

    private final LedgerWriter writer;

    public CasesController(LedgerWriter writer) {
        this.writer = writer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign an inspection case to a jurisdiction",
               description = "409 already-exists when the case exists; 409 rule-violation when the jurisdiction "
                       + "did not exist on assignedOn.")
    public ResponseEntity<WriteReceipt> assign(@RequestBody AssignCaseRequest request, Authentication caller) {
        CaseId caseId = Require.present(request.caseId(), "caseId");
        WriteReceipt receipt = writer.write(new AssignCaseCommand(caseId, request.jurisdictionCode(),
                                                                  request.source(), request.kind(),
                                                                  request.description(), request.assignedOn(),
                                                                  request.sourceDocument(), Callers.name(caller)),
                                            caseId.aggregateIdentifier());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    @PostMapping(path = "/{caseId}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a case one step: RECTIFYING, RECTIFIED, CLOSED",
               description = "404 for an unknown case; 409 rule-violation (CASE_TRANSITION_NOT_NEXT_STEP, "
                       + "CASE_TRANSITION_DATE_BEFORE_PREVIOUS) for an illegal step.")
    public ResponseEntity<WriteReceipt> transition(@PathVariable String caseId,
                                                   @RequestBody TransitionRequest request, Authentication caller) {
        CaseId id = CaseId.of(caseId);
        WriteReceipt receipt = writer.write(new TransitionCaseCommand(id, request.status(), request.on(),
                                                                      request.note(), request.sourceDocument(),
                                                                      Callers.name(caller)),
                                            id.aggregateIdentifier());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }
}
