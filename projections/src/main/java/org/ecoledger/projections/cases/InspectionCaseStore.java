package org.ecoledger.projections.cases;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.projections.store.KeyLookups;

/** Reads of the inspection-case read model, by key: the cases assigned to any of some jurisdictions. */
public class InspectionCaseStore {

    private final KeyLookups lookups;

    public InspectionCaseStore(MongoDatabase database) {
        this(KeyLookups.overDriver(database));
    }

    /** Reads by key with {@code lookups} (on the embedded default, the store's maps in this process). */
    public InspectionCaseStore(KeyLookups lookups) {
        this.lookups = lookups;
    }

    /** The cases assigned to any of these jurisdiction codes, by case id. */
    public List<InspectionCase> casesAt(Collection<String> jurisdictionCodes) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document document : lookups.byIds(InspectionCaseProjection.CASES_AT, new LinkedHashSet<>(jurisdictionCodes))) {
            List<String> list = document.getList("cases", String.class);
            if (list != null) {
                ids.addAll(list);
            }
        }
        List<InspectionCase> found = new ArrayList<>();
        for (Document document : lookups.byIds(InspectionCaseProjection.CASES, ids)) {
            if (document.getString("jurisdictionCode") != null) {
                found.add(toCase(document));
            }
        }
        found.sort(Comparator.comparing(InspectionCase::caseId));
        return found;
    }

    private static InspectionCase toCase(Document document) {
        Document stored = document.get("steps", Document.class);
        List<InspectionCase.Step> steps = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            Document step = stored == null ? null : stored.get(status.name(), Document.class);
            if (step != null) {
                steps.add(new InspectionCase.Step(status, LocalDate.parse(step.getString("on")),
                        Instant.parse(step.getString("recordedAt")), step.getString("note")));
            }
        }
        return new InspectionCase(document.getString("_id"), document.getString("jurisdictionCode"),
                CaseSource.valueOf(document.getString("source")), CaseKind.valueOf(document.getString("kind")),
                document.getString("description"), steps);
    }
}
