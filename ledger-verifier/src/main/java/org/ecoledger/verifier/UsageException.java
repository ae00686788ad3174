package org.ecoledger.verifier;

/** The command line or an input file cannot be used: exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
