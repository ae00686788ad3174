package org.ecoledger.api.demo;

/**
 * How big the demo city is, and the seed it is drawn from. The same size and seed give the same city, command for
 * command ({@link DemoCity#digest()}).
 *
 * @param counties             counties and districts (县、区) under the city, 1 to {@value #MAX_COUNTIES}
 * @param townshipsPerCounty   townships (镇、乡、街道) in each county, {@value #MIN_TOWNSHIPS} to {@value #MAX_TOWNSHIPS}
 *                             (the scenarios use the first two)
 * @param villagesPerTownship  villages (村、社区) in each township, 1 to {@value #MAX_VILLAGES}
 * @param seed                 the seed of the random source
 */
public record DemoCitySize(int counties, int townshipsPerCounty, int villagesPerTownship, long seed) {

    public static final int MAX_COUNTIES = 16;
    public static final int MIN_TOWNSHIPS = 2;
    public static final int MAX_TOWNSHIPS = 99;
    public static final int MAX_VILLAGES = 99;
    public static final long DEFAULT_SEED = 2018;

    /** The default city: 6 counties, 60 townships, 600 villages, about 3,000 officials. */
    public static final DemoCitySize DEFAULT = new DemoCitySize(6, 10, 10, DEFAULT_SEED);

    public DemoCitySize {
        require(counties, 1, MAX_COUNTIES, "counties");
        require(townshipsPerCounty, MIN_TOWNSHIPS, MAX_TOWNSHIPS, "townships per county");
        require(villagesPerTownship, 1, MAX_VILLAGES, "villages per township");
    }

    public int townships() {
        return counties * townshipsPerCounty;
    }

    public int villages() {
        return townships() * villagesPerTownship;
    }

    /**
     * The share of the seed's inspection cases this city gets: 002's city (Yantai, 881 cases assigned) is taken as
     * a city of 600 townships, so the default city of 60 gets a tenth.
     */
    public double caseScale() {
        return townships() / 600.0;
    }

    @Override
    public String toString() {
        return counties + " counties × " + townshipsPerCounty + " townships × " + villagesPerTownship
               + " villages, seed " + seed;
    }

    private static void require(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("the demo city's " + what + " must be between " + min + " and " + max
                                               + ", not " + value);
        }
    }
}
