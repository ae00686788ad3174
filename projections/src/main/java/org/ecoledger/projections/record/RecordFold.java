package org.ecoledger.projections.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.projections.asof.AsOf;

/**
 * 档案折叠 (the one fold of an official's record): entries → {@link RecordState}, as of a moment. The projection's
 * handler folds the entries it stored, the on-demand as-of path folds the entries read from the event store; both
 * call this, so the two always agree.
 *
 * <ol>
 *   <li>Only entries recorded by the as-of moment count ({@link AsOf#includes}); later entries and later corrections
 *       do not exist for the view. What counts is the longest run of the record, from its first entry in sequence,
 *       recorded by then: the sequence orders a record, not the clock, so if the clock was stepped back an entry
 *       stamped before the moment but appended after one stamped after it does not count. An as-of view is always a
 *       prefix of the record, never one with holes.</li>
 *   <li>Each correction replaces its target's fields with its {@code replacement}; of several corrections of one entry
 *       the latest (highest sequence) is in force. A correction of an entry outside the view is ignored.</li>
 *   <li>Tenures come from the corrected APPOINTED and LEFT_POST entries in date order (then sequence): an
 *       appointment opens a tenure of its post, a leaving closes the open tenure of that post. A leaving without an
 *       open tenure (possible only after corrections) closes nothing.</li>
 * </ol>
 * Pure and deterministic: the same entries and moment give an equal state.
 */
public final class RecordFold {

    private RecordFold() {
    }

    public static RecordState fold(String officialId, List<RecordEntry> entries, AsOf asOf) {
        List<RecordEntry> included = entries.stream()
                .sorted(Comparator.comparingLong(RecordEntry::sequence))
                .takeWhile(entry -> asOf.includes(entry.recordedAt()))
                .toList();

        String name = null;
        LocalDate registeredOn = null;
        long head = -1;
        Map<Long, RecordEntry> originals = new LinkedHashMap<>();
        Map<Long, List<RecordEntry>> correctionsOf = new HashMap<>();
        List<RecordEntry> corrections = new ArrayList<>();
        for (RecordEntry entry : included) {
            head = Math.max(head, entry.sequence());
            if (entry.isRegistration()) {
                name = entry.text("name");
                registeredOn = entry.occurredOn();
            } else if (entry.type() == EntryType.CORRECTION) {
                corrections.add(entry);
                long target = RecordEntry.integer(entry.fields(), "correctsSequence");
                correctionsOf.computeIfAbsent(target, k -> new ArrayList<>()).add(entry);
            } else {
                originals.put(entry.sequence(), entry);
            }
        }

        List<EntryState> states = new ArrayList<>();
        for (RecordEntry original : originals.values()) {
            List<RecordEntry> applied = correctionsOf.getOrDefault(original.sequence(), List.of());
            ObjectNode fields = original.fields();
            if (!applied.isEmpty()) {
                JsonNode replacement = applied.get(applied.size() - 1).fields().get("replacement");
                if (replacement instanceof ObjectNode object) {
                    fields = object.deepCopy();
                    fields.remove("type");
                }
            }
            LocalDate occurredOn = RecordEntry.date(fields, "occurredOn");
            states.add(new EntryState(original.sequence(), original.type(),
                    occurredOn == null ? original.occurredOn() : occurredOn, original.recordedAt(),
                    original.recordedBy(), fields, original.fields(),
                    applied.stream().map(RecordEntry::sequence).toList()));
        }

        List<CorrectionState> correctionStates = new ArrayList<>();
        for (RecordEntry correction : corrections) {
            ObjectNode fields = correction.fields();
            long target = RecordEntry.integer(fields, "correctsSequence");
            List<RecordEntry> ofTarget = correctionsOf.get(target);
            boolean inForce = originals.containsKey(target)
                    && ofTarget.get(ofTarget.size() - 1).sequence() == correction.sequence();
            String type = RecordEntry.text(fields, "correctedType");
            correctionStates.add(new CorrectionState(correction.sequence(), target,
                    type == null ? null : EntryType.valueOf(type), RecordEntry.text(fields, "reason"),
                    RecordEntry.text(fields, "approvedBy"), correction.occurredOn(), correction.recordedAt(),
                    inForce));
        }

        return new RecordState(officialId, name, registeredOn, asOf, head, states, correctionStates, tenures(states));
    }

    private static List<TenureState> tenures(List<EntryState> entries) {
        List<EntryState> postEntries = entries.stream()
                .filter(e -> e.type() == EntryType.APPOINTED || e.type() == EntryType.LEFT_POST)
                .sorted(Comparator.comparing(EntryState::occurredOn).thenComparingLong(EntryState::sequence))
                .toList();
        List<TenureState> tenures = new ArrayList<>();
        for (EntryState entry : postEntries) {
            String postId = entry.text("postId");
            if (entry.type() == EntryType.APPOINTED) {
                tenures.add(new TenureState(postId, entry.text("jurisdictionCode"), entry.text("departmentCode"),
                        Role.valueOf(entry.text("role")), ResponsibilityKind.valueOf(entry.text("responsibilityKind")),
                        entry.occurredOn(), null, entry.sequence(), null, null));
            } else {
                for (int i = tenures.size() - 1; i >= 0; i--) {
                    TenureState tenure = tenures.get(i);
                    if (tenure.postId().equals(postId) && tenure.to() == null
                            && !tenure.from().isAfter(entry.occurredOn())) {
                        String reason = entry.text("reason");
                        tenures.set(i, tenure.endedOn(entry.occurredOn(), entry.sequence(),
                                reason == null ? null : LeavingReason.valueOf(reason)));
                        break;
                    }
                }
            }
        }
        tenures.sort(Comparator.comparing(TenureState::from).thenComparingLong(TenureState::appointedSequence));
        return tenures;
    }
}
