package org.ecoledger.projections.record;

/**
 * 岗位所在地的键 (keys of the places posts are at): {@code jurisdiction/<code>} and {@code department/<code>}.
 * Identifiers never contain '/', so the two key spaces cannot collide.
 */
public final class PlaceKeys {

    private PlaceKeys() {
    }

    public static String jurisdiction(String code) {
        return "jurisdiction/" + code;
    }

    public static String department(String code) {
        return "department/" + code;
    }
}
