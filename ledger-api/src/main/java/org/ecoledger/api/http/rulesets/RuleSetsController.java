package org.ecoledger.api.http.rulesets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.ecoledger.api.http.limits.Paging;
import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.core.rules.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET/POST /api/v1/rule-sets}: versioned rule sets (DOMAIN.md, e.g. {@code QHD-2018}) stored as posted. A
 * rule set is a JSON object with at least {@code id}, {@code version} (a positive integer) and
 * {@code effectiveFrom} (a date); the rest is the rules' data, read by the views.
 */
@RestController
@RequestMapping(path = "/api/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "rule sets", description = "Versioned rule sets with an effective period (ADMIN writes)")
public class RuleSetsController {

    private final RuleSetStore store;

    public RuleSetsController(RuleSetStore store) {
        this.store = store;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of a rule set",
               description = "Needs id, version (a positive integer) and effectiveFrom (YYYY-MM-DD); 409 "
                       + "already-exists when that id and version are stored.")
    public ResponseEntity<RuleSetStore.StoredRuleSet> post(@RequestBody JsonNode body, Authentication caller) {
        if (!body.isObject()) {
            throw ApiException.badField("body", "must be a JSON object");
        }
        String id = Require.identifier(text(body, "id"), "id");
        JsonNode version = body.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw ApiException.badField("version", "is required: a positive integer");
        }
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(text(body, "effectiveFrom"));
        } catch (DateTimeParseException e) {
            throw ApiException.badField("effectiveFrom", "must be a date, YYYY-MM-DD");
        }
        RuleSetStore.StoredRuleSet stored = store.save(id, version.asLong(), effectiveFrom, (ObjectNode) body,
                                                       Callers.name(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping
    @Operation(summary = "Every stored rule set, by id and version")
    public ResponseEntity<List<RuleSetStore.StoredRuleSet>> all(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + RequestLimits.MAX_PAGE_SIZE) int size) {
        return Paging.page(store.all(), page, size);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badField(field, "is required");
        }
        if (!value.isTextual()) {
            throw ApiException.badField(field, "must be a string");
        }
        return value.textValue();
    }
}
