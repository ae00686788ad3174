package org.ecoledger.api.http.caller;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.security.LedgerRole;
import org.ecoledger.core.rules.LedgerCalendar;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/me}: who the credentials belong to and which of the ledger's roles they carry, with the ledger's
 * zone and today's date in it. The console signs in with it (a 200 means the credentials are good) and shows only
 * what the roles may use; any client may call it to check its credentials.
 */
@RestController
@Tag(name = "caller", description = "The signed-in caller")
public class CallerController {

    /**
     * The caller.
     *
     * @param name       the user name, as the ledger records it ({@code recordedBy}, the access log's {@code who})
     * @param roles      the caller's roles among API.md's, in the order of {@link LedgerRole}
     * @param ledgerZone the zone in which the ledger reads dates ({@code LEDGER_ZONE})
     * @param today      today's date in that zone
     */
    public record CallerView(String name, List<LedgerRole> roles, String ledgerZone, LocalDate today) {
    }

    private final LedgerCalendar calendar;

    public CallerController(LedgerCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in caller: name, roles, the ledger's zone and today's date in it",
               description = "Everyone signed in; 401 without (or with wrong) credentials. Reads nothing of any "
                       + "record and is not logged.")
    public CallerView me(Authentication caller) {
        List<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        List<LedgerRole> roles = Arrays.stream(LedgerRole.values())
                                       .filter(role -> authorities.contains(role.authority())).toList();
        return new CallerView(Callers.name(caller), roles, calendar.zone().getId(), calendar.today());
    }
}
