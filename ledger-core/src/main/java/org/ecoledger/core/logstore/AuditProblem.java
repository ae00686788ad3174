package org.ecoledger.core.logstore;

/**
 * One thing a {@link LedgerAudit} found wrong: where, why, and the expected and actual values when they apply.
 *
 * @param item     e.g. {@code record official/o-1 sequence 3}, {@code log leaf 17}, {@code checkpoint at size 40}
 * @param problem  what is wrong, in words
 * @param expected the value that should be there, or {@code null}
 * @param actual   the value that is there, or {@code null}
 */
public record AuditProblem(String item, String problem, String expected, String actual) {
}
