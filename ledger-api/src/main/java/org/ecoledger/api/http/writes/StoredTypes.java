package org.ecoledger.api.http.writes;

import java.util.Optional;

import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.OfficialRegisteredEvent;

/** Names of stored payload types as the API shows them. */
public final class StoredTypes {

    /** The type shown for the registration that opens an official's record. */
    public static final String REGISTERED = "REGISTERED";

    private StoredTypes() {
    }

    /** The entry type a stored payload type records, if it is one. */
    public static Optional<EntryType> entryType(String payloadType) {
        for (EntryType type : EntryType.values()) {
            if (type.eventClass().getName().equals(payloadType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** API.md's entry type, {@code REGISTERED}, or the event's simple name for the records of other aggregates. */
    public static String name(String payloadType) {
        if (OfficialRegisteredEvent.class.getName().equals(payloadType)) {
            return REGISTERED;
        }
        return entryType(payloadType).map(Enum::name)
                                     .orElseGet(() -> payloadType.substring(payloadType.lastIndexOf('.') + 1));
    }
}
