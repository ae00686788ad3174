package org.ecoledger.api.store;

import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Where the application's data lives, as reported by the health endpoint: no credentials, only the kind of store,
 * its address and the database.
 *
 * @param kind     {@code embedded} or {@code external}
 * @param address  {@code host:port}, or a comma-separated list of them for a replica set
 * @param database the database name
 * @param file     the embedded store's file, {@code null} for an external store
 */
public record StoreDescription(String kind, String address, String database, String file) {

    public static final String EMBEDDED = "embedded";
    public static final String EXTERNAL = "external";

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("address", address);
        details.put("database", database);
        if (file != null) {
            details.put("file", file);
        }
        return details;
    }
}
