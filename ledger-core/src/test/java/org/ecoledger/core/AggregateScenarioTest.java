package org.ecoledger.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.rules.TestCalendars.CALENDAR;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import java.time.LocalDate;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseFile;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.reference.ReferenceFixtures;
import org.ecoledger.core.rules.LedgerRule;
import org.junit.jupiter.api.Test;

/** The harness itself: its expectations fail when they should, so the tests built on it can fail. */
class AggregateScenarioTest {

    private final AggregateScenario<CaseFile> scenario =
            AggregateScenario.of(CaseFile.class, CALENDAR, ReferenceFixtures.directory());

    private AssignCaseCommand assign(LocalDate on) {
        return new AssignCaseCommand(CaseId.of("c-1"), ReferenceFixtures.CITY, CaseSource.CITY, CaseKind.PETITION,
                "问题", on, null, RECORDER);
    }

    @Test
    void expectViolation_whenTheCommandSucceeds_fails() {
        assertThatThrownBy(() -> scenario.givenNothing("c-1").when(assign(LocalDate.of(2018, 1, 1)))
                .expectViolation(LedgerRule.DATE_IN_FUTURE))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void expectViolation_ofAnotherRule_fails() {
        assertThatThrownBy(() -> scenario.givenNothing("c-1").when(assign(LocalDate.of(2030, 1, 1)))
                .expectViolation(LedgerRule.DATE_BEFORE_LEDGER_EPOCH))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void expectEvents_whenTheCommandIsRefused_fails() {
        assertThatThrownBy(() -> scenario.givenNothing("c-1").when(assign(LocalDate.of(2030, 1, 1)))
                .expectEvents())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void expectNoEvents_whenAnEventIsPublished_fails() {
        assertThatThrownBy(() -> scenario.givenNothing("c-1").when(assign(LocalDate.of(2018, 1, 1)))
                .expectNoEvents())
                .isInstanceOf(AssertionError.class);
    }
}
