package org.ecoledger.api.http.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed HTTP Basic sign-ins are allowed before further ones are answered 429, {@code ledger.security.sign-in.*}
 * (environment: {@code LEDGER_SECURITY_SIGN_IN_MAX_FAILURES_PER_USER}, {@code …_MAX_FAILURES_PER_ADDRESS},
 * {@code …_WINDOW}). See {@code docs/operations.md}.
 *
 * @param maxFailuresPerUser    failed sign-ins of one user name from one client address within the window; the next
 *                              sign-in of that name from that address is refused. Default 5
 * @param maxFailuresPerAddress failed sign-ins from one client address, whatever the names; the next sign-in from that
 *                              address is refused. Default 20
 * @param window                how long a failure counts. Default 5 minutes
 */
@ConfigurationProperties("ledger.security.sign-in")
public record SignInLimits(Integer maxFailuresPerUser, Integer maxFailuresPerAddress, Duration window) {

    public static final int DEFAULT_MAX_FAILURES_PER_USER = 5;
    public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    public SignInLimits {
        maxFailuresPerUser = maxFailuresPerUser == null ? DEFAULT_MAX_FAILURES_PER_USER : maxFailuresPerUser;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? DEFAULT_MAX_FAILURES_PER_ADDRESS
                                                              : maxFailuresPerAddress;
        window = window == null ? DEFAULT_WINDOW : window;
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("ledger.security.sign-in: the maximum numbers of failures must be at "
                                                       + "least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("ledger.security.sign-in.window must be positive, was " + window);
        }
    }

    /** The defaults. */
    public static SignInLimits defaults() {
        return new SignInLimits(null, null, null);
    }
}
