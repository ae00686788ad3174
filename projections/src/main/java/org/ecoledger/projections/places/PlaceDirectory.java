package org.ecoledger.projections.places;


import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.ecoledger.core.reference.DepartmentAbolishedEvent;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.DepartmentHistory;
import org.ecoledger.core.reference.DepartmentOnDate;
import org.ecoledger.core.reference.DepartmentRegisteredEvent;
import org.ecoledger.core.reference.DepartmentRenamedEvent;
import org.ecoledger.core.reference.JurisdictionAbolishedEvent;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionHistory;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.JurisdictionMergedEvent;
import org.ecoledger.core.reference.JurisdictionMovedEvent;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.JurisdictionRenamedEvent;
import org.ecoledger.core.reference.PlaceOnDate;
import org.ecoledger.core.reference.ReferenceDirectory;
import org.ecoledger.projections.record.PlaceKeys;
import org.ecoledger.projections.record.TenureState;
import org.ecoledger.projections.store.KeyLookups;

/**
 * 行政区域目录 (the jurisdiction tree as of any date, from the {@link PlacesProjection}): a {@link ReferenceDirectory}
 * that rebuilds core's {@link JurisdictionHistory} / {@link DepartmentHistory} from a place's stored events, so the
 * answers are exactly the aggregates' (changes are effective from their date; a change recorded later but dated
 * after D leaves D unchanged). Adds the walks the views need: up ({@link #ancestry}) and down
 * ({@link #descendantsEver}). Key lookups only.
 */
public class PlaceDirectory implements ReferenceDirectory {

    /** Levels below a city: a walk down never goes deeper than this. */
    public static final int MAX_DEPTH = 3;

    private final KeyLookups lookups;

    public PlaceDirectory(MongoDatabase database) {
        this(KeyLookups.overDriver(database));
    }

    /** Reads by key with {@code lookups} (on the embedded default, the store's maps in this process). */
    public PlaceDirectory(KeyLookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public Optional<PlaceOnDate> jurisdictionOn(JurisdictionCode code, LocalDate date) {
        return jurisdiction(code.value()).flatMap(history -> history.on(date));
    }

    @Override
    public Optional<DepartmentOnDate> departmentOn(DepartmentCode code, LocalDate date) {
        return department(code.value()).flatMap(history -> history.on(date));
    }

    /** The whole history of a jurisdiction; empty if unknown. */
    public Optional<JurisdictionHistory> jurisdiction(String code) {
        Document document = lookups.byId(PlacesProjection.PLACES, PlaceKeys.jurisdiction(code));
        List<Document> changes = changes(document);
        if (changes.isEmpty() || !"REGISTERED".equals(changes.get(0).getString("kind"))) {
            return Optional.empty();
        }
        JurisdictionCode id = JurisdictionCode.of(code);
        JurisdictionHistory history = null;
        for (Document change : changes) {
            LocalDate on = LocalDate.parse(change.getString("on"));
            Instant at = Instant.parse(change.getString("recordedAt"));
            switch (change.getString("kind")) {
                case "REGISTERED" -> history = JurisdictionHistory.begin(new JurisdictionRegisteredEvent(id,
                        change.getString("name"), JurisdictionLevel.valueOf(change.getString("level")),
                        code(change.getString("parentCode")), on, null, null, at));
                case "RENAMED" -> history.renamed(new JurisdictionRenamedEvent(id, change.getString("name"), on,
                        null, null, at));
                case "MOVED" -> history.moved(new JurisdictionMovedEvent(id, code(change.getString("parentCode")),
                        on, null, null, at));
                case "MERGED_INTO" -> history.merged(new JurisdictionMergedEvent(id,
                        code(change.getString("intoCode")), on, null, null, at));
                case "ABOLISHED" -> history.abolished(new JurisdictionAbolishedEvent(id, on, null, null, at));
                default -> throw new IllegalStateException("unknown change " + change.getString("kind"));
            }
        }
        return Optional.of(history);
    }

    /** The whole history of a department; empty if unknown. */
    public Optional<DepartmentHistory> department(String code) {
        Document document = lookups.byId(PlacesProjection.PLACES, PlaceKeys.department(code));
        List<Document> changes = changes(document);
        if (changes.isEmpty() || !"REGISTERED".equals(changes.get(0).getString("kind"))) {
            return Optional.empty();
        }
        DepartmentCode id = DepartmentCode.of(code);
        DepartmentHistory history = null;
        for (Document change : changes) {
            LocalDate on = LocalDate.parse(change.getString("on"));
            Instant at = Instant.parse(change.getString("recordedAt"));
            switch (change.getString("kind")) {
                case "REGISTERED" -> history = DepartmentHistory.begin(new DepartmentRegisteredEvent(id,
                        change.getString("name"), JurisdictionCode.of(change.getString("jurisdictionCode")), on,
                        null, null, at));
                case "RENAMED" -> history.renamed(new DepartmentRenamedEvent(id, change.getString("name"), on, null,
                        null, at));
                case "ABOLISHED" -> history.abolished(new DepartmentAbolishedEvent(id, on, null, null, at));
                default -> throw new IllegalStateException("unknown change " + change.getString("kind"));
            }
        }
        return Optional.of(history);
    }

    /** The jurisdiction a department belongs to (it never changes); empty if unknown. */
    public Optional<String> jurisdictionOfDepartment(String departmentCode) {
        Document document = lookups.byId(PlacesProjection.PLACES, PlaceKeys.department(departmentCode));
        return changes(document).stream().filter(change -> "REGISTERED".equals(change.getString("kind")))
                .map(change -> change.getString("jurisdictionCode")).findFirst();
    }

    /**
     * The place and its ancestors as the tree stood on {@code date}, from the place itself up to its city; empty
     * when the place did not exist on that date.
     */
    public List<PlaceOnDate> ancestry(String code, LocalDate date) {
        List<PlaceOnDate> chain = new ArrayList<>();
        Optional<PlaceOnDate> place = jurisdictionOn(JurisdictionCode.of(code), date);
        while (place.isPresent() && chain.size() <= MAX_DEPTH) {
            chain.add(place.get());
            JurisdictionCode parent = place.get().parentCode();
            place = parent == null ? Optional.empty() : jurisdictionOn(parent, date);
        }
        return chain;
    }

    /** Every code that was at any time below the place (children, their children…), the place excluded. */
    public Set<String> descendantsEver(String code) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> level = new ArrayDeque<>(List.of(code));
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (Document document : lookups.byIds(PlacesProjection.CHILDREN, List.copyOf(level))) {
                List<String> list = document.getList("children", String.class);
                if (list != null) {
                    for (String child : list) {
                        if (found.add(child)) {
                            next.add(child);
                        }
                    }
                }
            }
            level = new ArrayDeque<>(next);
        }
        return found;
    }

    /** The departments registered at a jurisdiction, ever. */
    public List<String> departmentsOf(String jurisdictionCode) {
        Document document = lookups.byId(PlacesProjection.DEPARTMENTS_OF, jurisdictionCode);
        List<String> list = document == null ? null : document.getList("departments", String.class);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The level of a post's place: the jurisdiction's, or the level of the department's jurisdiction. */
    public Optional<JurisdictionLevel> levelOf(TenureState tenure) {
        String jurisdiction = tenure.jurisdictionCode() != null ? tenure.jurisdictionCode()
                : jurisdictionOfDepartment(tenure.departmentCode()).orElse(null);
        return jurisdiction == null ? Optional.empty() : jurisdiction(jurisdiction).map(JurisdictionHistory::level);
    }

    /** The name of a post's place on a date (or on the first day it existed, if it no longer did). */
    public Optional<String> nameOf(TenureState tenure, LocalDate date) {
        if (tenure.jurisdictionCode() != null) {
            return jurisdiction(tenure.jurisdictionCode())
                    .flatMap(h -> h.on(date).or(() -> h.on(h.validFrom()))).map(PlaceOnDate::name);
        }
        return department(tenure.departmentCode())
                .flatMap(h -> h.on(date).or(() -> h.on(h.validFrom()))).map(DepartmentOnDate::name);
    }

    /** Whether {@code ancestor} is {@code code} or above it on {@code date}. */
    public boolean isWithin(String code, String ancestor, LocalDate date) {
        return ancestry(code, date).stream().anyMatch(place -> place.code().value().equals(ancestor));
    }

    private static List<Document> changes(Document document) {
        List<Document> list = document == null ? null : document.getList("changes", Document.class);
        if (list == null) {
            return List.of();
        }
        List<Document> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingLong(change -> ((Number) change.get("sequence")).longValue()));
        return sorted;
    }

    private static JurisdictionCode code(String value) {
        return value == null ? null : JurisdictionCode.of(value);
    }
}
