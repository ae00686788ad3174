package org.ecoledger.projections.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.projections.asof.AsOf;

/**
 * 督察交办件 (an inspection case as the read model holds it): where it was assigned, and its steps in order.
 */
public record InspectionCase(String caseId, String jurisdictionCode, CaseSource source, CaseKind kind,
                             String description, List<Step> steps) {

    public InspectionCase {
        steps = List.copyOf(steps);
    }

    /** 步骤 (one step: the status reached, on which date, recorded when, with what note). */
    public record Step(CaseStatus status, LocalDate on, Instant recordedAt, String note) {
    }

    /**
     * The steps recorded by the as-of moment: the longest run from the first step (they are kept in the order they
     * were appended) recorded by then, so a clock stepped back never makes a later step count without the ones
     * before it.
     */
    public List<Step> steps(AsOf asOf) {
        return steps.stream().takeWhile(step -> asOf.includes(step.recordedAt())).toList();
    }

    public Optional<LocalDate> assignedOn(AsOf asOf) {
        return step(CaseStatus.ASSIGNED, asOf).map(Step::on);
    }

    public Optional<LocalDate> closedOn(AsOf asOf) {
        return step(CaseStatus.CLOSED, asOf).map(Step::on);
    }

    /** The latest status reached by the as-of moment; empty if not yet assigned then. */
    public Optional<CaseStatus> status(AsOf asOf) {
        List<Step> known = steps(asOf);
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1).status());
    }

    private Optional<Step> step(CaseStatus status, AsOf asOf) {
        return steps(asOf).stream().filter(step -> step.status() == status).findFirst();
    }
}
