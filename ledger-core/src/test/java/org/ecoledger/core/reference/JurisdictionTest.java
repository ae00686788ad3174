package org.ecoledger.core.reference;

import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.reference.ReferenceFixtures.COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY_FROM;
import static org.ecoledger.core.reference.ReferenceFixtures.TOWNSHIP;
import static org.ecoledger.core.reference.ReferenceFixtures.VILLAGE;
import static org.ecoledger.core.reference.ReferenceFixtures.place;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;
import static org.ecoledger.core.rules.TestCalendars.TODAY;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.DatePolicy;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    private static final JurisdictionCode TOWN = JurisdictionCode.of("130302200000");
    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final Instant AT = Instant.parse("2001-01-01T00:00:00Z");

    private final FixtureConfiguration<Jurisdiction> fixture = AggregateFixtures.fixture(Jurisdiction.class);

    private static JurisdictionRegisteredEvent town() {
        return place(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, COUNTY, FROM);
    }

    @Nested
    class RegisterJurisdiction {

        @Test
        void registerJurisdiction_underAParentOneLevelUp_isRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, COUNTY, FROM,
                            "冀政字〔2000〕1号", RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionRegisteredEvent(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, COUNTY,
                            FROM, "冀政字〔2000〕1号", RECORDER, NOW));
        }

        @Test
        @DisplayName("validFrom defaults to 1949-10-01")
        void registerJurisdiction_withoutValidFrom_startsOn19491001() {
            JurisdictionCode city = JurisdictionCode.of("130400000000");
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(city, "邯郸市", JurisdictionLevel.CITY, null, null, null,
                            RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionRegisteredEvent(city, "邯郸市", JurisdictionLevel.CITY, null,
                            DatePolicy.LEDGER_EPOCH, null, RECORDER, NOW));
        }

        @Test
        void registerJurisdiction_cityWithAParent_isRefused() {
            JurisdictionCode city = JurisdictionCode.of("130400000000");
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(city, "邯郸市", JurisdictionLevel.CITY, CITY, null, null,
                            RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_CITY_HAS_NO_PARENT, "parentCode"));
        }

        @Test
        void registerJurisdiction_countyWithoutParent_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "某县", JurisdictionLevel.COUNTY, null, FROM, null,
                            RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_PARENT_REQUIRED, "parentCode"));
        }

        @Test
        void registerJurisdiction_underAParentTwoLevelsUp_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, CITY, FROM, null,
                            RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_PARENT_LEVEL_MISMATCH, "parentCode"));
        }

        @Test
        void registerJurisdiction_underAParentNotYetCreated_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "新镇", JurisdictionLevel.TOWNSHIP, NEW_COUNTY,
                            NEW_COUNTY_FROM.minusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "parentCode"));
        }

        @Test
        void registerJurisdiction_validFromInTheFuture_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "新镇", JurisdictionLevel.TOWNSHIP, COUNTY,
                            TODAY.plusDays(1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "validFrom"));
        }

        @Test
        void registerJurisdiction_validFromBefore1949_isRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterJurisdictionCommand(TOWN, "新镇", JurisdictionLevel.TOWNSHIP, COUNTY,
                            LocalDate.of(1949, 9, 30), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "validFrom"));
        }
    }

    @Nested
    class RenameJurisdiction {

        @Test
        void renameJurisdiction_afterItsCreation_isRecorded() {
            LocalDate on = LocalDate.of(2010, 5, 1);
            fixture.given(town())
                    .when(new RenameJurisdictionCommand(TOWN, on, "石门寨街道", null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionRenamedEvent(TOWN, "石门寨街道", on, null, RECORDER, NOW));
        }

        @Test
        void renameJurisdiction_onOrBeforeItsCreation_isRefused() {
            fixture.given(town())
                    .when(new RenameJurisdictionCommand(TOWN, FROM, "石门寨街道", null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_CHANGE_OUT_OF_ORDER, "on"));
        }

        @Test
        @DisplayName("the tree before a change's date is never altered: a change dated before the latest is refused")
        void renameJurisdiction_beforeTheLatestChange_isRefused() {
            fixture.given(town(),
                            new JurisdictionRenamedEvent(TOWN, "石门寨街道", LocalDate.of(2010, 5, 1), null, RECORDER, AT))
                    .when(new RenameJurisdictionCommand(TOWN, LocalDate.of(2009, 1, 1), "别名", null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_CHANGE_OUT_OF_ORDER, "on"));
        }

        @Test
        void renameJurisdiction_afterItWasAbolished_isRefused() {
            fixture.given(town(),
                            new JurisdictionAbolishedEvent(TOWN, LocalDate.of(2010, 5, 1), null, RECORDER, AT))
                    .when(new RenameJurisdictionCommand(TOWN, LocalDate.of(2011, 1, 1), "别名", null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE, "on"));
        }

        @Test
        void renameJurisdiction_inTheFuture_isRefused() {
            fixture.given(town())
                    .when(new RenameJurisdictionCommand(TOWN, TODAY.plusDays(1), "别名", null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_IN_FUTURE, "on"));
        }
    }

    @Nested
    class MoveJurisdiction {

        @Test
        void moveJurisdiction_underAnotherCountyThatExisted_isRecorded() {
            LocalDate on = LocalDate.of(2017, 1, 1);
            fixture.given(town())
                    .when(new MoveJurisdictionCommand(TOWN, on, NEW_COUNTY, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionMovedEvent(TOWN, NEW_COUNTY, on, null, RECORDER, NOW));
        }

        @Test
        void moveJurisdiction_underACountyNotYetCreated_isRefused() {
            fixture.given(town())
                    .when(new MoveJurisdictionCommand(TOWN, NEW_COUNTY_FROM.minusDays(1), NEW_COUNTY, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "parentCode"));
        }

        @Test
        void moveJurisdiction_underAPlaceOfTheWrongLevel_isRefused() {
            fixture.given(town())
                    .when(new MoveJurisdictionCommand(TOWN, LocalDate.of(2017, 1, 1), TOWNSHIP, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_PARENT_LEVEL_MISMATCH, "parentCode"));
        }

        @Test
        void moveJurisdiction_aCity_isRefused() {
            fixture.given(place(CITY, "秦皇岛市", JurisdictionLevel.CITY, null))
                    .when(new MoveJurisdictionCommand(CITY, LocalDate.of(2017, 1, 1), COUNTY, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_CITY_HAS_NO_PARENT, "parentCode"));
        }
    }

    @Nested
    class MergeJurisdiction {

        @Test
        void mergeJurisdiction_intoAnotherTownship_isRecorded() {
            LocalDate on = LocalDate.of(2015, 3, 1);
            fixture.given(town())
                    .when(new MergeJurisdictionCommand(TOWN, on, TOWNSHIP, "冀民〔2015〕2号", RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionMergedEvent(TOWN, TOWNSHIP, on, "冀民〔2015〕2号", RECORDER, NOW));
        }

        @Test
        void mergeJurisdiction_intoItself_isRefused() {
            fixture.given(town())
                    .when(new MergeJurisdictionCommand(TOWN, LocalDate.of(2015, 3, 1), TOWN, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_MERGE_TARGET_INVALID, "intoCode"));
        }

        @Test
        void mergeJurisdiction_intoAPlaceOfAnotherLevel_isRefused() {
            fixture.given(town())
                    .when(new MergeJurisdictionCommand(TOWN, LocalDate.of(2015, 3, 1), VILLAGE, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_MERGE_TARGET_INVALID, "intoCode"));
        }

        @Test
        void mergeJurisdiction_intoAPlaceThatDidNotExist_isRefused() {
            JurisdictionCode unknown = JurisdictionCode.of("999999999999");
            fixture.given(town())
                    .when(new MergeJurisdictionCommand(TOWN, LocalDate.of(2015, 3, 1), unknown, null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.JURISDICTION_NOT_IN_EXISTENCE, "intoCode"));
        }
    }

    @Nested
    class AbolishJurisdiction {

        @Test
        void abolishJurisdiction_isRecorded() {
            LocalDate on = LocalDate.of(2015, 3, 1);
            fixture.given(town())
                    .when(new AbolishJurisdictionCommand(TOWN, on, null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JurisdictionAbolishedEvent(TOWN, on, null, RECORDER, NOW));
        }

        @Test
        void abolishJurisdiction_twice_isRefused() {
            fixture.given(town(), new JurisdictionAbolishedEvent(TOWN, LocalDate.of(2015, 3, 1), null, RECORDER, AT))
                    .when(new AbolishJurisdictionCommand(TOWN, LocalDate.of(2016, 3, 1), null, RECORDER))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.REFERENCE_NOT_IN_EXISTENCE_ON_CHANGE, "on"));
        }
    }
}
