package org.ecoledger.api.http.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ecoledger.api.http.problems.ProblemResponses;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link SignInThrottle} to HTTP Basic sign-ins, inside Spring Security's chain just before Basic
 * authentication: a refused sign-in is answered 429 ({@code too-many-sign-in-failures}, with {@code Retry-After})
 * before its password is checked; after the chain, a 401 to a request that carried Basic credentials counts as a
 * failed sign-in of that name from that address, anything else as a successful one. Requests without Basic
 * credentials (anonymous, bearer tokens) pass untouched. Only the user name is ever logged, never the password.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);
    private static final String BASIC = "basic ";

    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    SignInThrottleFilter(SignInThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            chain.doFilter(request, response);
            return;
        }
        String user = userName(header.substring(BASIC.length()).strip());
        String address = request.getRemoteAddr();
        Optional<Duration> refusal = throttle.refusal(user, address);
        if (refusal.isPresent()) {
            long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
            ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_SIGN_IN_FAILURES,
                    "Too many failed sign-ins for this user name or from this address (at most "
                            + throttle.limits().maxFailuresPerUser() + " per name and "
                            + throttle.limits().maxFailuresPerAddress() + " per address within "
                            + describe(throttle.limits().window()) + "); try again in " + seconds + " s");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(user, address);
            if (throttle.refusal(user, address).isPresent()) {
                log.warn("Failed sign-ins of user name '{}' from {} reached the limit; further sign-ins are refused "
                                 + "for a while", printable(user), address);
            }
        } else {
            throttle.succeeded(user, address);
        }
    }

    /** The user name of Basic credentials; empty when they cannot be decoded (a failure of the empty name). */
    static String userName(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "" : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String describe(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
    }

    /** A user name for the log: control characters replaced, at most 64 characters. */
    private static String printable(String user) {
        StringBuilder text = new StringBuilder();
        user.codePoints().limit(64).forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.toString();
    }
}
