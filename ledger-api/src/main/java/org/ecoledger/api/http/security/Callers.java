package org.ecoledger.api.http.security;

import org.springframework.security.core.Authentication;

/** The authenticated caller as the ledger records it ({@code recordedBy}, the access log's {@code who}). */
public final class Callers {

    private Callers() {
    }

    /** The caller's user name; never from a request body. */
    public static String name(Authentication authentication) {
        if (authentication == null || authentication.getName() == null || authentication.getName().isBlank()) {
            throw new IllegalStateException("no authenticated caller");
        }
        return authentication.getName();
    }
}
