package org.ecoledger.core.log;

import java.util.Objects;

/**
 * A signed note, a checkpoint or a signature line does not follow its format (C2SP signed-note, tlog-checkpoint),
 * or exceeds one of the bounds on untrusted input. The message says precisely what is wrong and where.
 */
public class MalformedNoteException extends IllegalArgumentException {

    private final String reason;

    public MalformedNoteException(String reason) {
        super(Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
    }

    /** What is wrong, e.g. {@code "line 2 (tree size) has a leading zero"}. */
    public String reason() {
        return reason;
    }
}
