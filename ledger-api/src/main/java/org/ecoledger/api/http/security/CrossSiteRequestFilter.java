package org.ecoledger.api.http.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.ecoledger.api.http.problems.ProblemResponses;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses (403) a request to the API that a browser sent on behalf of another site: the CSRF defence for
 * credentials a browser might attach on its own (a Basic password it cached after its sign-in dialog).
 *
 * <ul>
 * <li>A browser says where a request comes from in {@code Sec-Fetch-Site} (Fetch Metadata, every current browser):
 *     {@code same-origin} (the console) and {@code none} (an address typed or bookmarked) pass; {@code same-site}
 *     and {@code cross-site} are refused, whatever the method.</li>
 * <li>A browser without Fetch Metadata still sends {@code Origin} on a POST: a POST (or any method but GET, HEAD
 *     and OPTIONS) whose {@code Origin} is not this host is refused.</li>
 * <li>Scripts, importers and witnesses (curl, HTTP libraries) send neither header and are not affected.</li>
 * </ul>
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String FETCH_SITE = "Sec-Fetch-Site";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ProblemResponses problems;

    CrossSiteRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader(FETCH_SITE);
        if (site != null) {
            String value = site.trim().toLowerCase(Locale.ROOT);
            if (value.equals("cross-site") || value.equals("same-site")) {
                refuse(response, "The API does not answer requests that another site's page makes ("
                        + FETCH_SITE + ": " + value + ")");
                return;
            }
        } else if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.ORIGIN) != null
                && !sameHost(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
            refuse(response, "The API does not accept a " + request.getMethod() + " that another site's page "
                    + "sends (Origin is not this host)");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether an {@code Origin} names the host (and port) the request was sent to; the scheme is not compared. */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null) {
                return false; // "null": a sandboxed frame, a file
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host.trim()) || defaultPort(uri, host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code Origin: https://h} against {@code Host: h:443} (or http and 80). */
    private static boolean defaultPort(URI origin, String host) {
        int port = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return origin.getPort() < 0 && (origin.getHost() + ":" + port).equalsIgnoreCase(host.trim());
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        problems.write(response, Problems.of(ProblemType.FORBIDDEN, detail));
    }
}
