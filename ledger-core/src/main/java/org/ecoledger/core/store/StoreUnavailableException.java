package org.ecoledger.core.store;

/**
 * The store could not be reached or could not make a write durable. Nothing was half-written: a unit of work is
 * stored as one document, so it is either wholly there or not at all. Callers surface this as "503 Service
 * Unavailable" and may retry the whole command.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
