package org.ecoledger.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 任职经历 (the official's posts and tenures), as the {@link OfficialRecord} knows them from its events. Changed only
 * from event sourcing handlers.
 */
final class PostHistory {

    private final List<Tenure> tenures = new ArrayList<>();

    void appointed(OfficialAppointedEvent event) {
        tenures.add(new Tenure(event.postId(), event.jurisdictionCode(), event.departmentCode(), event.role(),
                event.responsibilityKind(), event.occurredOn(), null));
    }

    void left(PostLeftEvent event) {
        for (int i = 0; i < tenures.size(); i++) {
            Tenure tenure = tenures.get(i);
            if (tenure.postId().equals(event.postId()) && tenure.isOpen()) {
                tenures.set(i, tenure.endedOn(event.occurredOn()));
            }
        }
    }

    /** The tenure of the post that has not ended. */
    Optional<Tenure> open(PostId postId) {
        return of(postId).stream().filter(Tenure::isOpen).findFirst();
    }

    /** The tenure of the post that covers the date. */
    Optional<Tenure> on(PostId postId, LocalDate date) {
        return of(postId).stream().filter(tenure -> tenure.covers(date)).findFirst();
    }

    /** Every tenure of the post, in order of appointment. */
    List<Tenure> of(PostId postId) {
        return tenures.stream().filter(tenure -> tenure.postId().equals(postId)).toList();
    }

    /** Every tenure, of any post, that overlaps the period. */
    List<Tenure> overlapping(LocalDate from, LocalDate to) {
        return tenures.stream().filter(tenure -> tenure.overlaps(from, to)).toList();
    }
}
