package org.ecoledger.projections;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Map;
import org.ecoledger.projections.cases.InspectionCaseProjection;
import org.ecoledger.projections.places.PlacesProjection;
import org.ecoledger.projections.record.OfficialRecordProjection;
import org.ecoledger.projections.store.KeyLookups;

/**
 * 读模型清单 (the read models of the ledger): their processing groups and handler classes, for the application to
 * register as tracking processors (one processor per group, sequenced per aggregate). Each handler writes only its
 * own collections ({@code view_…}), is idempotent under replay and clears its collections in its
 * {@code @ResetHandler}.
 */
public final class ProjectionsModule {

    /** Officials' records: entries, summaries with tenures, who held posts where. */
    public static final String OFFICIAL_RECORDS = "ledger-official-records";
    /** Jurisdictions and departments with their history: the tree as of any date. */
    public static final String PLACES = "ledger-places";
    /** Inspection cases (督察交办件) per jurisdiction, with their steps. */
    public static final String INSPECTION_CASES = "ledger-inspection-cases";

    /** Processing group → handler class. */
    public static final Map<String, Class<?>> HANDLER_CLASSES = Map.of(
            OFFICIAL_RECORDS, OfficialRecordProjection.class,
            PLACES, PlacesProjection.class,
            INSPECTION_CASES, InspectionCaseProjection.class);

    private ProjectionsModule() {
    }

    /** One instance of every handler on {@code database}. */
    public static List<Object> handlers(MongoDatabase database) {
        return handlers(database, KeyLookups.overDriver(database));
    }

    /** As {@link #handlers(MongoDatabase)}, reading by key with {@code lookups}. */
    public static List<Object> handlers(MongoDatabase database, KeyLookups lookups) {
        return List.of(new OfficialRecordProjection(database, lookups), new PlacesProjection(database),
                new InspectionCaseProjection(database));
    }
}
