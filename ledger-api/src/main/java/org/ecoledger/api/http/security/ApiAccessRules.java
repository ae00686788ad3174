package org.ecoledger.api.http.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

import static org.ecoledger.api.http.security.LedgerRole.ADMIN;
import static org.ecoledger.api.http.security.LedgerRole.AUDITOR;
import static org.ecoledger.api.http.security.LedgerRole.DISCIPLINE;
import static org.ecoledger.api.http.security.LedgerRole.ORGANIZATION;
import static org.ecoledger.api.http.security.LedgerRole.RECORDER;

/**
 * Who may call which path of the API: the one table of API.md's roles, applied by {@link SecurityConfiguration}
 * in this order. A path under {@code /api/} that is not listed is refused to everybody (403), so a new endpoint
 * needs a row here (and in the role-matrix test) before anyone can use it.
 *
 * <p>Which entry types a role may append is decided beside the use case, by {@link EntryPermissions}; the table
 * lets every appending role reach the entries endpoint.
 */
public final class ApiAccessRules {

    /** One row: a method and a path pattern ({@code *} one segment), and the roles that may call it. */
    public record Rule(HttpMethod method, String pattern, Set<LedgerRole> roles) {
        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    /** Every role: reference data and rule sets are readable by anyone signed in. */
    static final Set<LedgerRole> ANYONE = EnumSet.allOf(LedgerRole.class);

    /** The table, first match wins. */
    public static final List<Rule> RULES = List.of(
            // the caller (the console's sign-in)
            new Rule(HttpMethod.GET, "/api/v1/me", ANYONE),
            // reference data and rule sets (ADMIN writes)
            new Rule(HttpMethod.POST, "/api/v1/jurisdictions", Set.of(ADMIN)),
            new Rule(HttpMethod.POST, "/api/v1/jurisdictions/*/changes", Set.of(ADMIN)),
            new Rule(HttpMethod.GET, "/api/v1/jurisdictions/*/responsible", Set.of(DISCIPLINE, ORGANIZATION)),
            new Rule(HttpMethod.GET, "/api/v1/jurisdictions/*", ANYONE),
            new Rule(HttpMethod.POST, "/api/v1/departments", Set.of(ADMIN)),
            new Rule(HttpMethod.POST, "/api/v1/rule-sets", Set.of(ADMIN)),
            new Rule(HttpMethod.GET, "/api/v1/rule-sets", ANYONE),
            // an official's record: writing
            new Rule(HttpMethod.POST, "/api/v1/officials", Set.of(RECORDER, ORGANIZATION)),
            new Rule(HttpMethod.POST, "/api/v1/officials/*/entries", Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            // inspection cases
            new Rule(HttpMethod.POST, "/api/v1/cases", Set.of(RECORDER)),
            new Rule(HttpMethod.POST, "/api/v1/cases/*/transitions", Set.of(RECORDER)),
            // an official's record: reading (each read is logged by AccessAudit)
            new Rule(HttpMethod.GET, "/api/v1/officials/*/entries", Set.of(AUDITOR, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/officials/*/verification", Set.of(AUDITOR, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/officials/*/evidence", Set.of(AUDITOR, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/officials/*/dossier", Set.of(ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/officials/*/promotion-review", Set.of(ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/officials", Set.of(ORGANIZATION, DISCIPLINE, AUDITOR, RECORDER)),
            new Rule(HttpMethod.GET, "/api/v1/compliance", Set.of(ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/access-log", Set.of(DISCIPLINE, ADMIN)),
            // the log, proofs and verification runs
            new Rule(HttpMethod.GET, "/api/v1/log/**", Set.of(AUDITOR, DISCIPLINE)),
            // a witness (another organization's auditors) posts its cosignature of a checkpoint
            new Rule(HttpMethod.POST, "/api/v1/log/cosignatures", Set.of(AUDITOR)),
            new Rule(HttpMethod.POST, "/api/v1/verification-runs", Set.of(AUDITOR)),
            new Rule(HttpMethod.GET, "/api/v1/verification-runs/*", Set.of(AUDITOR)),
            // import and export
            new Rule(HttpMethod.POST, "/api/v1/imports/ledger", Set.of(ADMIN)),
            // an import runs as its uploader: each row's type must be one the uploader's roles may append
            new Rule(HttpMethod.POST, "/api/v1/imports", Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/imports/templates/*", Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/imports/*", Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Rule(HttpMethod.GET, "/api/v1/exports/ledger", Set.of(AUDITOR, ADMIN)),
            // rebuilding a read view
            new Rule(HttpMethod.POST, "/api/v1/views/*/replay", Set.of(ADMIN)),
            new Rule(HttpMethod.GET, "/api/v1/views/*/replay", Set.of(ADMIN)));

    /** Public without credentials: the OpenAPI description, Swagger UI, health and info. */
    public static final List<String> PUBLIC = List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                                      "/swagger-ui/**", "/actuator/health", "/actuator/health/**",
                                                      "/actuator/info", "/error");

    private ApiAccessRules() {
    }

    static String[] authorities(Set<LedgerRole> roles) {
        return EnumSet.copyOf(roles).stream().map(LedgerRole::name).toArray(String[]::new);
    }
}
