package org.ecoledger.api.http.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ecoledger.api.http.problems.ProblemResponses;
import org.ecoledger.api.http.problems.ProblemType;
import org.ecoledger.api.http.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details; the 401 names the schemes the API accepts ({@code WWW-Authenticate}). */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "eco-ledger";
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String REQUESTED_WITH_SCRIPT = "XMLHttpRequest";

    private final ProblemResponses problems;
    private final boolean basic;
    private final boolean bearer;

    ProblemSecurityHandlers(ProblemResponses problems, boolean basic, boolean bearer) {
        this.problems = problems;
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (basic && !fromScript(request)) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        boolean gaveCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        problems.write(response, Problems.of(ProblemType.UNAUTHENTICATED, gaveCredentials
                ? "The credentials were not accepted"
                : "This path needs credentials (HTTP Basic" + (bearer ? " or a bearer token" : "") + ")"));
    }

    /**
     * A page's script (the console) says so with {@code X-Requested-With: XMLHttpRequest}; its 401 then carries no
     * Basic challenge, which would make the browser show its own sign-in dialog and cache the password.
     */
    static boolean fromScript(HttpServletRequest request) {
        return REQUESTED_WITH_SCRIPT.equalsIgnoreCase(String.valueOf(request.getHeader(REQUESTED_WITH)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, Problems.of(ProblemType.FORBIDDEN,
                "Your role may not " + request.getMethod() + " " + request.getRequestURI()));
    }
}
