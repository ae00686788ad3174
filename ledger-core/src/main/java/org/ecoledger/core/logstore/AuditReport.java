package org.ecoledger.core.logstore;

import java.util.List;

/**
 * The outcome of a {@link LedgerAudit}.
 *
 * @param valid        nothing was found wrong
 * @param events       stored events read in global order
 * @param records      records whose chain was verified
 * @param logSize      the log's stored size
 * @param checkpoints  checkpoints checked
 * @param problemCount every problem found
 * @param problems     the first {@link LedgerAudit#MAX_PROBLEMS_KEPT} of them, in the order found
 */
public record AuditReport(boolean valid, long events, long records, long logSize, long checkpoints,
                          long problemCount, List<AuditProblem> problems) {

    public AuditReport {
        problems = List.copyOf(problems);
    }
}
