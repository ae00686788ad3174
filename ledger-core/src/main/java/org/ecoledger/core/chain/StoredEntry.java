package org.ecoledger.core.chain;

import java.util.Objects;

/**
 * An entry as read from the store, together with the hash the store holds for it. The verifier recomputes the hash
 * from {@code entry} and compares.
 *
 * @param entry      the hashed fields
 * @param storedHash the hash as stored, normally lowercase hex
 */
public record StoredEntry(ChainEntry entry, String storedHash) {

    public StoredEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(storedHash, "storedHash");
    }
}
