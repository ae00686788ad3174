package org.ecoledger.projections.places;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.ecoledger.core.reference.DepartmentAbolishedEvent;
import org.ecoledger.core.reference.DepartmentEvent;
import org.ecoledger.core.reference.DepartmentRegisteredEvent;
import org.ecoledger.core.reference.DepartmentRenamedEvent;
import org.ecoledger.core.reference.JurisdictionAbolishedEvent;
import org.ecoledger.core.reference.JurisdictionEvent;
import org.ecoledger.core.reference.JurisdictionMergedEvent;
import org.ecoledger.core.reference.JurisdictionMovedEvent;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.JurisdictionRenamedEvent;
import org.ecoledger.projections.ProjectionsModule;
import org.ecoledger.projections.record.PlaceKeys;

/**
 * 行政区域与部门读模型 (jurisdictions and departments, with their history): per place key one document with every
 * event of the place as a small sub-document (its aggregate sequence, kind, date, name, parent, target) — added with
 * {@code $addToSet}, so a replayed event adds nothing — from which {@link PlaceDirectory} rebuilds core's
 * {@code JurisdictionHistory} and {@code DepartmentHistory} to answer "as it stood on D". Two indexes by key: every
 * code that was ever a child of a jurisdiction (registered or moved under it), and the departments of a
 * jurisdiction.
 */
@ProcessingGroup(ProjectionsModule.PLACES)
public class PlacesProjection {

    public static final String PLACES = "view_places";
    public static final String CHILDREN = "view_place_children";
    public static final String DEPARTMENTS_OF = "view_departments_of";

    private final MongoCollection<Document> places;
    private final MongoCollection<Document> children;
    private final MongoCollection<Document> departmentsOf;

    public PlacesProjection(MongoDatabase database) {
        this.places = database.getCollection(PLACES);
        this.children = database.getCollection(CHILDREN);
        this.departmentsOf = database.getCollection(DEPARTMENTS_OF);
    }

    @EventHandler
    public void on(JurisdictionEvent event, @SequenceNumber long sequence) {
        Document change = new Document("sequence", sequence)
                .append("kind", kind(event))
                .append("on", event.occurredOn().toString())
                .append("recordedAt", event.recordedAt().toString());
        if (event instanceof JurisdictionRegisteredEvent e) {
            change.append("name", e.name()).append("level", e.level().name())
                    .append("parentCode", e.parentCode() == null ? null : e.parentCode().value());
            addChild(e.parentCode() == null ? null : e.parentCode().value(), e.code().value());
        } else if (event instanceof JurisdictionRenamedEvent e) {
            change.append("name", e.name());
        } else if (event instanceof JurisdictionMovedEvent e) {
            change.append("parentCode", e.parentCode().value());
            addChild(e.parentCode().value(), e.code().value());
        } else if (event instanceof JurisdictionMergedEvent e) {
            change.append("intoCode", e.intoCode().value());
        }
        places.updateOne(eq("_id", PlaceKeys.jurisdiction(event.code().value())), Updates.addToSet("changes", change),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    public void on(DepartmentEvent event, @SequenceNumber long sequence) {
        Document change = new Document("sequence", sequence)
                .append("kind", kind(event))
                .append("on", event.occurredOn().toString())
                .append("recordedAt", event.recordedAt().toString());
        if (event instanceof DepartmentRegisteredEvent e) {
            change.append("name", e.name()).append("jurisdictionCode", e.jurisdictionCode().value());
            departmentsOf.updateOne(eq("_id", e.jurisdictionCode().value()),
                    Updates.addToSet("departments", e.code().value()), new UpdateOptions().upsert(true));
        } else if (event instanceof DepartmentRenamedEvent e) {
            change.append("name", e.name());
        }
        places.updateOne(eq("_id", PlaceKeys.department(event.code().value())), Updates.addToSet("changes", change),
                new UpdateOptions().upsert(true));
    }

    private void addChild(String parentCode, String childCode) {
        if (parentCode != null) {
            children.updateOne(eq("_id", parentCode), Updates.addToSet("children", childCode),
                    new UpdateOptions().upsert(true));
        }
    }

    static String kind(Object event) {
        if (event instanceof JurisdictionRegisteredEvent || event instanceof DepartmentRegisteredEvent) {
            return "REGISTERED";
        } else if (event instanceof JurisdictionRenamedEvent || event instanceof DepartmentRenamedEvent) {
            return "RENAMED";
        } else if (event instanceof JurisdictionMovedEvent) {
            return "MOVED";
        } else if (event instanceof JurisdictionMergedEvent) {
            return "MERGED_INTO";
        } else if (event instanceof JurisdictionAbolishedEvent || event instanceof DepartmentAbolishedEvent) {
            return "ABOLISHED";
        }
        throw new IllegalArgumentException("not a place event: " + event.getClass().getName());
    }

    /**
     * Clears the view for a replay by dropping its collections (they hold no index but {@code _id}, and the next
     * write creates them again): on the embedded server a {@code deleteMany} removes one document at a time, which
     * took 30–60 s for the million entries of a 1M-event ledger (docs/benchmarks.md).
     */
    @ResetHandler
    public void reset() {
        places.drop();
        children.drop();
        departmentsOf.drop();
    }
}
