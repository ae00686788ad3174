package org.ecoledger.core.reference;

import java.time.Instant;
import java.time.LocalDate;
import org.ecoledger.core.rules.DatePolicy;

/**
 * A small Qinhuangdao for tests: a city, a county, a township and a village under each other since 1949-10-01; a
 * county created on 2016-01-01; a county abolished from 2016-01-01; a city eco bureau and a county housing bureau.
 */
public final class ReferenceFixtures {

    public static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    public static final JurisdictionCode COUNTY = JurisdictionCode.of("130302000000");
    public static final JurisdictionCode TOWNSHIP = JurisdictionCode.of("130302100000");
    public static final JurisdictionCode VILLAGE = JurisdictionCode.of("130302100201");
    /** A county that exists from {@link #NEW_COUNTY_FROM}. */
    public static final JurisdictionCode NEW_COUNTY = JurisdictionCode.of("130306000000");
    public static final LocalDate NEW_COUNTY_FROM = LocalDate.of(2016, 1, 1);
    /** A county abolished from {@link #OLD_COUNTY_ABOLISHED_ON}. */
    public static final JurisdictionCode OLD_COUNTY = JurisdictionCode.of("130381000000");
    public static final LocalDate OLD_COUNTY_ABOLISHED_ON = LocalDate.of(2016, 1, 1);
    public static final DepartmentCode CITY_ECO_BUREAU = DepartmentCode.of("130300-eco-bureau");
    public static final DepartmentCode COUNTY_HOUSING_BUREAU = DepartmentCode.of("130302-housing-bureau");

    private static final Instant AT = Instant.parse("2019-01-01T00:00:00Z");
    private static final String BY = "import:qhd-divisions";

    private ReferenceFixtures() {
    }

    public static JurisdictionRegisteredEvent place(JurisdictionCode code, String name, JurisdictionLevel level,
                                                    JurisdictionCode parent, LocalDate validFrom) {
        return new JurisdictionRegisteredEvent(code, name, level, parent, validFrom, null, BY, AT);
    }

    public static JurisdictionRegisteredEvent place(JurisdictionCode code, String name, JurisdictionLevel level,
                                                    JurisdictionCode parent) {
        return place(code, name, level, parent, DatePolicy.LEDGER_EPOCH);
    }

    /** A fresh directory holding the places and departments above. */
    public static InMemoryReferenceDirectory directory() {
        return new InMemoryReferenceDirectory()
                .accept(place(CITY, "秦皇岛市", JurisdictionLevel.CITY, null))
                .accept(place(COUNTY, "海港区", JurisdictionLevel.COUNTY, CITY))
                .accept(place(TOWNSHIP, "海港镇", JurisdictionLevel.TOWNSHIP, COUNTY))
                .accept(place(VILLAGE, "某村", JurisdictionLevel.VILLAGE, TOWNSHIP))
                .accept(place(NEW_COUNTY, "新区", JurisdictionLevel.COUNTY, CITY, NEW_COUNTY_FROM))
                .accept(place(OLD_COUNTY, "旧县", JurisdictionLevel.COUNTY, CITY))
                .accept(new JurisdictionAbolishedEvent(OLD_COUNTY, OLD_COUNTY_ABOLISHED_ON, null, BY, AT))
                .accept(new DepartmentRegisteredEvent(CITY_ECO_BUREAU, "秦皇岛市环境保护局", CITY,
                        DatePolicy.LEDGER_EPOCH, null, BY, AT))
                .accept(new DepartmentRegisteredEvent(COUNTY_HOUSING_BUREAU, "海港区住房和城乡建设局", COUNTY,
                        DatePolicy.LEDGER_EPOCH, null, BY, AT));
    }
}
