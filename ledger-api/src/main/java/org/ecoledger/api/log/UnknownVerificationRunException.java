package org.ecoledger.api.log;

/** No verification run with that id: 404. */
public class UnknownVerificationRunException extends RuntimeException {

    private final String runId;

    public UnknownVerificationRunException(String runId) {
        super("No verification run " + runId);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
