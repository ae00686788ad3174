package org.ecoledger.core.log;

import java.util.Objects;

/**
 * An evidence bundle cannot be read: not JSON, too large, or a member missing or of the wrong type. Says where
 * (a JSON path such as {@code entries[3].sequence}) and what is wrong. Distinct from a bundle that reads but does
 * not verify, which {@link EvidenceVerifier} reports.
 */
public class EvidenceFormatException extends RuntimeException {

    public EvidenceFormatException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    public EvidenceFormatException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
