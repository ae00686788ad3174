package org.ecoledger.projections.cases;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.ecoledger.core.casefile.CaseAssignedEvent;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.CaseStatusChangedEvent;
import org.ecoledger.projections.ProjectionsModule;

/**
 * 督察交办件读模型 (inspection cases per jurisdiction): one document per case, {@code _id = caseId}, with the
 * assignment and each later step stored under its status name ({@code steps.RECTIFYING}, …) — a case passes each
 * status at most once, so the step's name is its idempotent key — and per jurisdiction code the ids of the cases
 * assigned to it ({@code $addToSet}).
 */
@ProcessingGroup(ProjectionsModule.INSPECTION_CASES)
public class InspectionCaseProjection {

    public static final String CASES = "view_cases";
    public static final String CASES_AT = "view_cases_at";

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> casesAt;

    public InspectionCaseProjection(MongoDatabase database) {
        this.cases = database.getCollection(CASES);
        this.casesAt = database.getCollection(CASES_AT);
    }

    @EventHandler
    public void on(CaseAssignedEvent event) {
        cases.updateOne(eq("_id", event.caseId().value()), Updates.combine(
                Updates.set("jurisdictionCode", event.jurisdictionCode().value()),
                Updates.set("source", event.source().name()),
                Updates.set("kind", event.kind().name()),
                Updates.set("description", event.description()),
                Updates.set("steps." + CaseStatus.ASSIGNED.name(), step(event.occurredOn().toString(),
                        event.recordedAt().toString(), null))), new UpdateOptions().upsert(true));
        casesAt.updateOne(eq("_id", event.jurisdictionCode().value()),
                Updates.addToSet("cases", event.caseId().value()), new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(CaseStatusChangedEvent event) {
        cases.updateOne(eq("_id", event.caseId().value()),
                Updates.set("steps." + event.status().name(), step(event.occurredOn().toString(),
                        event.recordedAt().toString(), event.note())), new UpdateOptions().upsert(true));
    }

    private static Document step(String on, String recordedAt, String note) {
        return new Document("on", on).append("recordedAt", recordedAt).append("note", note);
    }

    /**
     * Clears the view for a replay by dropping its collections (they hold no index but {@code _id}, and the next
     * write creates them again): on the embedded server a {@code deleteMany} removes one document at a time, which
     * took 30–60 s for the million entries of a 1M-event ledger (docs/benchmarks.md).
     */
    @ResetHandler
    public void reset() {
        cases.drop();
        casesAt.drop();
    }
}
