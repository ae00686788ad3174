package org.ecoledger.api.http.entries;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.ecoledger.api.LedgerProperties;
import org.ecoledger.api.http.asof.AsOf;
import org.ecoledger.api.http.audit.AccessAudit;
import org.ecoledger.api.http.limits.Paging;
import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.api.http.writes.StoredTypes;
import org.ecoledger.api.http.writes.WriteReceipt;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.RecordCommand;
import org.ecoledger.core.store.RecordVerifier;
import org.springframework.http.HttpStatus;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An official's entries: {@code POST /api/v1/officials/{officialId}/entries} appends one (the role must be allowed
 * to append its type, {@link EntryPermissions}); {@code GET} lists them as stored, optionally as of a date or an
 * instant, and the read is recorded in the access log.
 */
@RestController
@RequestMapping(path = "/api/v1/officials/{officialId}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "entries", description = "An official's record: appending entries and reading them as stored")
public class EntriesController {

    private final EntryCommands commands;
    private final LedgerWriter writer;
    private final RecordVerifier records;
    private final AccessAudit audit;
    private final LedgerProperties properties;

    public EntriesController(EntryCommands commands, LedgerWriter writer, RecordVerifier records, AccessAudit audit,
                             LedgerProperties properties) {
        this.commands = commands;
        this.writer = writer;
        this.records = records;
        this.audit = audit;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Append an entry to an official's record",
               description = "The body is {type, occurredOn, sourceDocument, ...the type's fields}; see the "
                       + "examples, one per type. recordedBy is the authenticated user. Answers where the entry "
                       + "stands in the chain. ORGANIZATION appends ANNUAL_ASSESSMENT and ONE_VETO, DISCIPLINE "
                       + "ACCOUNTABILITY_* and LIFETIME_ACCOUNTABILITY_OPENED, RECORDER every other type; a "
                       + "CORRECTION whoever may append the corrected type.")
    public ResponseEntity<WriteReceipt> append(@PathVariable String officialId, @RequestBody JsonNode body,
                                               Authentication caller) throws JsonProcessingException {
        OfficialId official = OfficialId.of(officialId);
        EntryType type = EntryCommands.typeOf(body);
        EntryPermissions.requireMayAppend(caller, type, type == EntryType.CORRECTION ? correctedType(official, body)
                                                                                      : null);
        RecordCommand command = commands.toCommand(official, (ObjectNode) body, Callers.name(caller));
        WriteReceipt receipt = writer.write(command, official.aggregateIdentifier());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    @GetMapping
    @Operation(summary = "The entries of an official's record, as stored, in sequence",
               description = "With asOf (a date: the end of that day in LEDGER_ZONE; or an instant) only what had "
                       + "been recorded by then, by the stored timestamp: the entries in sequence up to the first one "
                       + "recorded later (always a prefix of the record). Each entry carries every field its hash "
                       + "covers. Paged (page from 0, size at most " + RequestLimits.MAX_PAGE_SIZE + "); the read "
                       + "is recorded in the access log with the X-Purpose header.")
    public ResponseEntity<List<StoredEntryView>> entries(
            @PathVariable String officialId,
            @Parameter(description = "a date (YYYY-MM-DD) or an instant") @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + RequestLimits.MAX_PAGE_SIZE) int size,
            Authentication caller, HttpServletRequest request) {
        OfficialId official = OfficialId.of(officialId);
        AsOf cutoff = asOf == null ? null : AsOf.parse("asOf", asOf, properties.zone());
        RequestLimits.page(page);
        RequestLimits.pageSize(size);
        List<StoredEntry> stored = records.storedEntries(official.aggregateIdentifier(), 0);
        if (stored.isEmpty()) {
            throw ApiException.notFound("There is no official " + official.value());
        }
        // The entries up to the first one recorded after the cutoff: a prefix of the record, in sequence, even if
        // the clock was stepped back at some point (the sequence orders a record, not the timestamps).
        List<StoredEntryView> entries = stored.stream()
                                              .takeWhile(entry -> cutoff == null
                                                      || cutoff.includes(Instant.parse(entry.entry().timestamp())))
                                              .map(StoredEntryView::of).toList();
        ResponseEntity<List<StoredEntryView>> answer = Paging.page(entries, page, size);
        audit.record(caller, official, "entries" + (asOf == null ? "" : "?asOf=" + asOf)
                + (page == 0 ? "" : (asOf == null ? "?" : "&") + "page=" + page), request);
        return answer;
    }

    /** The type of the entry a correction names, from the stored record; null when there is none. */
    private EntryType correctedType(OfficialId official, JsonNode body) {
        JsonNode sequence = body.get("correctsSequence");
        if (sequence == null || !sequence.canConvertToLong() || sequence.asLong() < 0) {
            return null; // the command refuses it with a 400
        }
        long target = sequence.asLong();
        return records.storedEntries(official.aggregateIdentifier(), target).stream()
                      .filter(entry -> entry.entry().sequence() == target).findFirst()
                      .flatMap(entry -> StoredTypes.entryType(entry.entry().payloadType())).orElse(null);
    }
}
