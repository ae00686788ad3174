package org.ecoledger.projections.record;

import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.projections.store.JsonDocuments;

/**
 * How entries and tenures are stored: dates as ISO strings, {@code recordedAt} as an ISO instant string (a BSON date
 * would drop the nanoseconds the ledger's clock may carry), fields as a sub-document.
 */
final class StoredEntries {

    static final String REGISTRATION = "REGISTERED";

    private StoredEntries() {
    }

    static Document toDocument(RecordEntry entry) {
        return new Document("_id", entry.key())
                .append("officialId", entry.officialId())
                .append("sequence", entry.sequence())
                .append("type", entry.isRegistration() ? REGISTRATION : entry.type().name())
                .append("occurredOn", entry.occurredOn().toString())
                .append("recordedAt", entry.recordedAt().toString())
                .append("recordedBy", entry.recordedBy())
                .append("fields", JsonDocuments.toDocument(entry.fields()));
    }

    static RecordEntry toEntry(Document document) {
        String type = document.getString("type");
        return new RecordEntry(document.getString("officialId"), document.getLong("sequence"),
                REGISTRATION.equals(type) ? null : EntryType.valueOf(type),
                LocalDate.parse(document.getString("occurredOn")), Instant.parse(document.getString("recordedAt")),
                document.getString("recordedBy"), JsonDocuments.toObject(document.get("fields", Document.class)));
    }

    static Document toDocument(TenureState tenure) {
        return new Document("postId", tenure.postId())
                .append("jurisdictionCode", tenure.jurisdictionCode())
                .append("departmentCode", tenure.departmentCode())
                .append("role", tenure.role().name())
                .append("responsibilityKind", tenure.responsibilityKind().name())
                .append("from", tenure.from().toString())
                .append("to", tenure.to() == null ? null : tenure.to().toString())
                .append("appointedSequence", tenure.appointedSequence())
                .append("leftSequence", tenure.leftSequence())
                .append("leavingReason", tenure.leavingReason() == null ? null : tenure.leavingReason().name());
    }

    static TenureState toTenure(Document document) {
        String to = document.getString("to");
        String reason = document.getString("leavingReason");
        return new TenureState(document.getString("postId"), document.getString("jurisdictionCode"),
                document.getString("departmentCode"), Role.valueOf(document.getString("role")),
                ResponsibilityKind.valueOf(document.getString("responsibilityKind")),
                LocalDate.parse(document.getString("from")), to == null ? null : LocalDate.parse(to),
                document.getLong("appointedSequence"), document.getLong("leftSequence"),
                reason == null ? null : LeavingReason.valueOf(reason));
    }
}
