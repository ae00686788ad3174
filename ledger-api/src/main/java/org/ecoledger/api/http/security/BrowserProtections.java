package org.ecoledger.api.http.security;

import org.ecoledger.api.http.problems.ProblemResponses;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What protects people who use the ledger in a browser (the console at {@code /}, Swagger UI): the security headers
 * on every answer, and the refusal of cross-site requests to the API ({@link CrossSiteRequestFilter}). See
 * {@code docs/console.md} for why this, with credentials the page sends explicitly, is the CSRF defence.
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: the console loads scripts, styles and data from its own origin only, runs no
 *     inline script or style, may not be framed ({@code frame-ancestors 'none'}) and posts forms nowhere but to
 *     itself. Swagger UI (a third-party page that sets inline styles) gets the same policy with inline styles
 *     allowed.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (Spring Security's defaults, kept),
 *     {@code Referrer-Policy: no-referrer} and {@code Cache-Control: no-store} (Spring Security's default), so a
 *     record's pages are neither framed, sniffed, leaked in a referrer nor cached.</li>
 * </ul>
 */
public final class BrowserProtections {

    /** The console's policy: everything from its own origin, nothing inline, never framed. */
    public static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** Swagger UI's policy: its own origin, inline styles (which it sets), images as data URLs, never framed. */
    public static final String SWAGGER_UI_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private BrowserProtections() {
    }

    /** Adds the headers and the cross-site refusal to the API's filter chain. */
    static void apply(HttpSecurity http, ProblemResponses problems) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher swaggerUi = new OrRequestMatcher(paths.matcher("/swagger-ui.html"),
                                                        paths.matcher("/swagger-ui/**"));
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        swaggerUi, new StaticHeadersWriter(CONTENT_SECURITY_POLICY, SWAGGER_UI_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(swaggerUi),
                        new StaticHeadersWriter(CONTENT_SECURITY_POLICY, CONSOLE_POLICY))));
        http.addFilterBefore(new CrossSiteRequestFilter(problems), BasicAuthenticationFilter.class);
    }
}
