package org.ecoledger.api.log;

/** A posted cosignature is malformed, by an unknown witness, or does not verify: 400, nothing stored. */
public class InvalidCosignatureException extends RuntimeException {

    private final String witness;

    public InvalidCosignatureException(String witness, String detail) {
        super(detail);
        this.witness = witness;
    }

    /** The witness the line names, if it could be read. */
    public String witness() {
        return witness;
    }
}
