package org.ecoledger.projections.record;

import java.util.List;
import java.util.Optional;

/**
 * 档案来源 (where a view takes an official's entries from): the projection's stored entries, or the event store
 * itself for the on-demand as-of path. Every entry recorded so far, in sequence; empty for an unknown official.
 */
public interface RecordSource {

    Optional<List<RecordEntry>> entries(String officialId);
}
