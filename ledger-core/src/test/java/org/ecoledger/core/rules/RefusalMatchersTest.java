package org.ecoledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecoledger.core.rules.RefusalMatchers.malformedAt;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseFile;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.reference.ReferenceFixtures;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.Test;

/** The matchers the aggregate tests are built on fail when they should, so those tests can fail. */
class RefusalMatchersTest {

    private static final RuleViolationException FUTURE =
            new RuleViolationException(LedgerRule.DATE_IN_FUTURE, "occurredOn", "2030-01-01");

    private final FixtureConfiguration<CaseFile> fixture = AggregateFixtures.fixture(CaseFile.class);

    private static AssignCaseCommand assign(LocalDate on) {
        return new AssignCaseCommand(CaseId.of("c-1"), ReferenceFixtures.CITY, CaseSource.CITY, CaseKind.PETITION,
                "问题", on, null, RECORDER);
    }

    @Test
    void violates_matchesTheRuleAndTheField() {
        assertThat(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn").matches(FUTURE)).isTrue();
    }

    @Test
    void violates_anotherRule_doesNotMatch() {
        assertThat(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "occurredOn").matches(FUTURE)).isFalse();
    }

    @Test
    void violates_anotherField_doesNotMatch() {
        assertThat(violates(LedgerRule.DATE_IN_FUTURE, "on").matches(FUTURE)).isFalse();
        assertThat(violates(LedgerRule.DATE_IN_FUTURE, null).matches(FUTURE)).isFalse();
    }

    @Test
    void violates_anotherException_doesNotMatch() {
        assertThat(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn")
                .matches(new InvalidEntryException("occurredOn", "is required"))).isFalse();
        assertThat(violates(LedgerRule.DATE_IN_FUTURE, "occurredOn").matches(null)).isFalse();
    }

    @Test
    void malformedAt_matchesOnlyAnInvalidEntryAtTheField() {
        InvalidEntryException invalid = new InvalidEntryException("replacement.body", "is required");
        assertThat(malformedAt("replacement.body").matches(invalid)).isTrue();
        assertThat(malformedAt("replacement.topics").matches(invalid)).isFalse();
        assertThat(malformedAt("occurredOn").matches(FUTURE)).isFalse();
    }

    @Test
    void expectException_whenTheCommandSucceeds_fails() {
        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .when(assign(LocalDate.of(2018, 1, 1)))
                .expectException(violates(LedgerRule.DATE_IN_FUTURE, "assignedOn")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void expectException_ofAnotherRule_fails() {
        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .when(assign(LocalDate.of(2030, 1, 1)))
                .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "assignedOn")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DATE_BEFORE_LEDGER_EPOCH");
    }

    @Test
    void expectSuccessfulHandlerExecution_whenTheCommandIsRefused_fails() {
        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .when(assign(LocalDate.of(2030, 1, 1)))
                .expectSuccessfulHandlerExecution())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void expectNoEvents_whenAnEventIsPublished_fails() {
        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .when(assign(LocalDate.of(2018, 1, 1)))
                .expectNoEvents())
                .isInstanceOf(AssertionError.class);
    }
}
