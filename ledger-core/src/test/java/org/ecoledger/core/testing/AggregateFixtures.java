package org.ecoledger.core.testing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.reference.ReferenceFixtures;
import org.ecoledger.core.rules.LedgerCalendar;
import org.ecoledger.core.rules.TestCalendars;

/**
 * Axon's {@link AggregateTestFixture} for an aggregate of the ledger, with the two resources its command handlers
 * take injected as in production: the {@link LedgerCalendar} and the {@code ReferenceDirectory} (a fresh
 * {@link ReferenceFixtures#directory()}, the small Qinhuangdao of the tests).
 */
public final class AggregateFixtures {

    private AggregateFixtures() {
    }

    /** A fixture on the tests' fixed calendar ({@link TestCalendars#CALENDAR}). */
    public static <A> FixtureConfiguration<A> fixture(Class<A> aggregateType) {
        return fixture(aggregateType, TestCalendars.CALENDAR);
    }

    /** A fixture on {@code calendar}. */
    public static <A> FixtureConfiguration<A> fixture(Class<A> aggregateType, LedgerCalendar calendar) {
        FixtureConfiguration<A> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource(ReferenceFixtures.directory());
        return fixture;
    }
}
