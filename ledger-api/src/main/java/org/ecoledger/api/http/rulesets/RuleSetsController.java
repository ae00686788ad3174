package org.ecoledger.api.http.rulesets;

import java.time.LocalDate;
import java.util.List;

import org.ecoledger.api.http.limits.Paging;
import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.core.rules.ruleset.InvalidRuleSetException;
import org.ecoledger.core.rules.ruleset.RuleSet;
import org.ecoledger.core.rules.ruleset.RuleSets;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET/POST /api/v1/rule-sets}: versioned rule sets (DOMAIN.md; {@code docs/rule-sets.md}). A posted version is
 * checked as a rule set ({@link RuleSets#fromTree}), stored, and from then on judges, in every view, the periods that
 * begin on or after its {@code effectiveFrom} ({@link PostedRuleSets}).
 */
@RestController
@RequestMapping(path = "/api/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "rule sets", description = "Versioned rule sets with an effective date (ADMIN adds versions)")
public class RuleSetsController {

    private final RuleSetStore store;
    private final PostedRuleSets catalogue;
    private final ObjectMapper mapper;

    /** @param mapper the API's strict request mapper: a posted rule set is read as strictly as any request body */
    public RuleSetsController(RuleSetStore store, PostedRuleSets catalogue, ObjectMapper mapper) {
        this.store = store;
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    /** A rule set version as listed and as answered to a post. */
    public record RuleSetVersion(
            @Schema(description = "id@version, the name every judgement cites", example = "QHD-2018@1")
            String reference,
            String id,
            long version,
            LocalDate effectiveFrom,
            @Schema(description = "shipped with the ledger (not posted)")
            boolean builtIn,
            @Schema(description = "who posted it; null for a built-in version")
            String postedBy,
            @Schema(description = "when it was stored; null for a built-in version")
            String postedAt,
            @Schema(description = "null when the views use it; otherwise why they do not (a stored document that is "
                    + "not a valid rule set, e.g. written into the store by hand)")
            String problem,
            @Schema(description = "the rule set as posted (or as shipped)")
            JsonNode ruleSet) {

        static RuleSetVersion of(PostedRuleSets.Version version) {
            if (version.builtIn()) {
                RuleSet set = version.set();
                return new RuleSetVersion(set.reference(), set.id(), set.version(), set.effectiveFrom(), true, null,
                                          null, null, version.document());
            }
            RuleSetStore.StoredRuleSet stored = version.stored();
            return new RuleSetVersion(stored.id() + "@" + stored.version(), stored.id(), stored.version(),
                                      stored.effectiveFrom(), false, stored.postedBy(), stored.postedAt(),
                                      version.problem(), stored.ruleSet());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a version of a rule set",
               description = "The body is a whole rule set (the shape of rulesets/QHD-2018.json: id, version, "
                       + "effectiveFrom, description, partialPeriodRule, duties, consequences), checked as it is "
                       + "read: 400 naming the field for anything that is not a valid rule set (an unknown or "
                       + "missing field, a fractional number, a meeting duty without bodies…); 409 already-exists "
                       + "for the id and version of a built-in or stored version. From the answer on, every view "
                       + "judges the periods that begin on or after effectiveFrom by it (on every node within a "
                       + "second); periods that began earlier keep their judgement, and views as of a moment before "
                       + "the post do not use it.")
    public ResponseEntity<RuleSetVersion> post(@RequestBody JsonNode body, Authentication caller) {
        RuleSet set;
        try {
            set = RuleSets.fromTree(mapper, body);
        } catch (InvalidRuleSetException e) {
            throw ApiException.badField(e.field().isEmpty() ? "body" : e.field(), e.reason());
        }
        if (catalogue.isBuiltIn(set.id(), set.version())) {
            throw ApiException.conflict(ProblemType.ALREADY_EXISTS, "Rule set " + set.reference()
                    + " is built in; a changed rule set is a new version");
        }
        RuleSetStore.StoredRuleSet stored = store.save(set.id(), set.version(), set.effectiveFrom(),
                                                       (ObjectNode) body, Callers.name(caller));
        catalogue.refresh();
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(RuleSetVersion.of(new PostedRuleSets.Version(set, false, stored, stored.ruleSet(),
                                                                                null)));
    }

    @GetMapping
    @Operation(summary = "Every version, built in and posted, by id and version")
    public ResponseEntity<List<RuleSetVersion>> all(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + RequestLimits.MAX_PAGE_SIZE) int size) {
        return Paging.page(catalogue.listing().stream().map(RuleSetVersion::of).toList(), page, size);
    }
}
