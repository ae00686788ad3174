package org.ecoledger.api.http.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the API, {@code ledger.security.*} (environment: {@code LEDGER_SECURITY_DEMO_USERS},
 * {@code LEDGER_SECURITY_USERS_0_NAME}, …). See {@code docs/operations.md}.
 *
 * @param demoUsers one user per role, name = password = the role in lower case; unset means "on the embedded
 *                  default only". For local use only: the start-up log says so loudly.
 * @param users     users for HTTP Basic, each with a bcrypt password hash ({@code $2a$…}, or {@code {bcrypt}$2a$…})
 * @param jwt       how bearer tokens of an OIDC issuer map to users and roles (when
 *                  {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or another JWT source is set)
 */
@ConfigurationProperties("ledger.security")
public record SecurityUsersProperties(Boolean demoUsers, List<User> users, Jwt jwt) {

    public SecurityUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null) : jwt;
    }

    /**
     * @param name         the user name (it becomes {@code recordedBy} of what the user writes)
     * @param passwordHash a bcrypt hash of the password
     * @param roles        the user's roles
     */
    public record User(String name, String passwordHash, List<LedgerRole> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param rolesClaim    the claim holding the roles (a list of role names, or one space-separated string);
     *                      default {@code roles}
     * @param usernameClaim the claim naming the user; default {@code preferred_username}, then {@code sub}
     */
    public record Jwt(String rolesClaim, String usernameClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        }
    }
}
