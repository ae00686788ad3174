package org.ecoledger.api.demo;

/** The demo city could not be loaded: a command was refused, a write failed, or the load was stopped. */
public class DemoLoadException extends RuntimeException {

    public DemoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
