package org.ecoledger.api.http.reference;

import java.net.URI;
import java.time.LocalDate;

import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.WriteReceipt;
import org.ecoledger.core.reference.AbolishJurisdictionCommand;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.MergeJurisdictionCommand;
import org.ecoledger.core.reference.MoveJurisdictionCommand;
import org.ecoledger.core.reference.PlaceOnDate;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.reference.RenameJurisdictionCommand;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.Require;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Jurisdictions (行政区域) with their history: registered, then renamed, moved, merged or abolished from a date on;
 * any earlier date still answers as the place stood then.
 */
@RestController
@RequestMapping(path = "/api/v1/jurisdictions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "reference data", description = "Jurisdictions and departments, with their history (ADMIN writes)")
public class JurisdictionsController {

    /** The body of {@code POST /api/v1/jurisdictions}; {@code validFrom} defaults to 1949-10-01. */
    public record RegisterJurisdictionRequest(JurisdictionCode code, String name, JurisdictionLevel level,
                                              JurisdictionCode parentCode, LocalDate validFrom,
                                              String sourceDocument) {
    }

    /** The kinds of change of a jurisdiction. */
    public enum ChangeKind { RENAMED, MOVED, MERGED_INTO, ABOLISHED }

    /** The body of {@code POST /api/v1/jurisdictions/{code}/changes}: the fields its kind needs, and no others. */
    public record ChangeRequest(ChangeKind kind, LocalDate on, String name, JurisdictionCode parentCode,
                                JurisdictionCode intoCode, String sourceDocument) {
    }

    /** A jurisdiction as it stood on a date. */
    public record PlaceView(String code, String name, JurisdictionLevel level, String parentCode) {
        static PlaceView of(PlaceOnDate place) {
            return new PlaceView(place.code().value(), place.name(), place.level(),
                                 place.parentCode() == null ? null : place.parentCode().value());
        }
    }

    private final LedgerWriter writer;
    private final ReferenceDirectory directory;
    private final LedgerCalendar calendar;

    public JurisdictionsController(LedgerWriter writer, ReferenceDirectory directory, LedgerCalendar calendar) {
        this.writer = writer;
        this.directory = directory;
        this.calendar = calendar;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a jurisdiction",
               description = "parentCode is null only for a CITY; validFrom defaults to 1949-10-01. 409 "
                       + "already-exists for an existing code, 409 rule-violation for a parent that does not fit.")
    public ResponseEntity<WriteReceipt> register(@RequestBody RegisterJurisdictionRequest request,
                                                 Authentication caller) {
        JurisdictionCode code = Require.present(request.code(), "code");
        WriteReceipt receipt = writer.write(new RegisterJurisdictionCommand(code, request.name(), request.level(),
                                                                            request.parentCode(), request.validFrom(),
                                                                            request.sourceDocument(),
                                                                            Callers.name(caller)),
                                            code.aggregateIdentifier());
        return ResponseEntity.created(location(code)).body(receipt);
    }

    @PostMapping(path = "/{code}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a change of a jurisdiction from a date on",
               description = "RENAMED needs name; MOVED parentCode; MERGED_INTO intoCode; ABOLISHED nothing more. "
                       + "404 for an unknown jurisdiction; 409 rule-violation for a change out of order.")
    public ResponseEntity<WriteReceipt> change(@PathVariable String code, @RequestBody ChangeRequest request,
                                               Authentication caller) {
        JurisdictionCode jurisdiction = JurisdictionCode.of(code);
        ChangeKind kind = Require.present(request.kind(), "kind");
        String by = Callers.name(caller);
        only(kind, "name", request.name(), kind == ChangeKind.RENAMED);
        only(kind, "parentCode", request.parentCode(), kind == ChangeKind.MOVED);
        only(kind, "intoCode", request.intoCode(), kind == ChangeKind.MERGED_INTO);
        Object command = switch (kind) {
            case RENAMED -> new RenameJurisdictionCommand(jurisdiction, request.on(), request.name(),
                                                          request.sourceDocument(), by);
            case MOVED -> new MoveJurisdictionCommand(jurisdiction, request.on(), request.parentCode(),
                                                      request.sourceDocument(), by);
            case MERGED_INTO -> new MergeJurisdictionCommand(jurisdiction, request.on(), request.intoCode(),
                                                             request.sourceDocument(), by);
            case ABOLISHED -> new AbolishJurisdictionCommand(jurisdiction, request.on(), request.sourceDocument(),
                                                             by);
        };
        WriteReceipt receipt = writer.write(command, jurisdiction.aggregateIdentifier());
        return ResponseEntity.created(URI.create(location(jurisdiction) + "?on=" + request.on())).body(receipt);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A jurisdiction as it stood on a date",
               description = "on defaults to today in the ledger's zone; 404 when the place did not exist then.")
    public PlaceView onDate(@PathVariable String code,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            LocalDate on) {
        JurisdictionCode jurisdiction = JurisdictionCode.of(code);
        LocalDate date = on == null ? calendar.today() : on;
        return directory.jurisdictionOn(jurisdiction, date).map(PlaceView::of)
                        .orElseThrow(() -> ApiException.notFound("Jurisdiction " + jurisdiction.value()
                                                                         + " did not exist on " + date));
    }

    private static void only(ChangeKind kind, String field, Object value, boolean needed) {
        if (!needed && value != null) {
            throw ApiException.badField(field, "is not a field of a " + kind + " change");
        }
    }

    private static URI location(JurisdictionCode code) {
        return URI.create("/api/v1/jurisdictions/" + UriUtils.encodePathSegment(code.value(), "UTF-8"));
    }
}
