package org.ecoledger.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.core.reference.ReferenceFixtures.COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.NEW_COUNTY;
import static org.ecoledger.core.reference.ReferenceFixtures.TOWNSHIP;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "As the place stood on date D": name, level, parent and existence, for any D. */
class InMemoryReferenceDirectoryTest {

    private static final Instant AT = Instant.parse("2019-01-01T00:00:00Z");
    private static final JurisdictionCode TOWN = JurisdictionCode.of("130302200000");
    private static final JurisdictionCode OTHER = JurisdictionCode.of("130302300000");

    private final InMemoryReferenceDirectory directory = ReferenceFixtures.directory()
            .accept(ReferenceFixtures.place(TOWN, "石门寨乡", JurisdictionLevel.TOWNSHIP, COUNTY,
                    LocalDate.of(2000, 1, 1)))
            .accept(new JurisdictionRenamedEvent(TOWN, "石门寨镇", LocalDate.of(2005, 1, 1), null, "x", AT))
            .accept(new JurisdictionMovedEvent(TOWN, NEW_COUNTY, LocalDate.of(2017, 1, 1), null, "x", AT))
            .accept(new JurisdictionMergedEvent(TOWN, TOWNSHIP, LocalDate.of(2018, 6, 1), null, "x", AT));

    @Test
    void jurisdictionOn_beforeItsCreation_isEmpty() {
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(1999, 12, 31))).isEmpty();
    }

    @Test
    void jurisdictionOn_eachPeriod_answersAsItStoodThen() {
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2000, 1, 1))).contains(
                new PlaceOnDate(TOWN, "石门寨乡", JurisdictionLevel.TOWNSHIP, COUNTY));
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2004, 12, 31))).contains(
                new PlaceOnDate(TOWN, "石门寨乡", JurisdictionLevel.TOWNSHIP, COUNTY));
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2005, 1, 1))).contains(
                new PlaceOnDate(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, COUNTY));
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2017, 1, 1))).contains(
                new PlaceOnDate(TOWN, "石门寨镇", JurisdictionLevel.TOWNSHIP, NEW_COUNTY));
    }

    @Test
    @DisplayName("a merged place no longer exists from the merge date")
    void jurisdictionOn_fromTheMergeDate_isEmpty() {
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2018, 5, 31))).isPresent();
        assertThat(directory.jurisdictionOn(TOWN, LocalDate.of(2018, 6, 1))).isEmpty();
    }

    @Test
    void jurisdictionOn_anUnknownCode_isEmpty() {
        assertThat(directory.jurisdictionOn(OTHER, LocalDate.of(2010, 1, 1))).isEmpty();
    }

    @Test
    void departmentOn_answersNameAndExistenceAsOfTheDate() {
        DepartmentCode code = DepartmentCode.of("d-1");
        directory.accept(new DepartmentRegisteredEvent(code, "环保局", COUNTY, LocalDate.of(2001, 1, 1), null, "x", AT))
                .accept(new DepartmentRenamedEvent(code, "生态环境局", LocalDate.of(2018, 11, 1), null, "x", AT))
                .accept(new DepartmentAbolishedEvent(code, LocalDate.of(2019, 3, 1), null, "x", AT));

        assertThat(directory.departmentOn(code, LocalDate.of(2000, 12, 31))).isEmpty();
        assertThat(directory.departmentOn(code, LocalDate.of(2010, 1, 1)))
                .contains(new DepartmentOnDate(code, "环保局", COUNTY));
        assertThat(directory.departmentOn(code, LocalDate.of(2018, 11, 1)))
                .contains(new DepartmentOnDate(code, "生态环境局", COUNTY));
        assertThat(directory.departmentOn(code, LocalDate.of(2019, 3, 1))).isEmpty();
    }
}
