package org.ecoledger.projections.record;

import java.time.Instant;
import java.time.LocalDate;
import org.ecoledger.core.record.EntryType;

/**
 * 更正 (a correction applied in a view): which entry it supersedes, why, who approved it, and whether it is the one in
 * force for that entry (the latest correction of an entry supersedes the earlier ones).
 */
public record CorrectionState(long sequence, long correctsSequence, EntryType correctedType, String reason,
                              String approvedBy, LocalDate occurredOn, Instant recordedAt, boolean inForce) {
}
