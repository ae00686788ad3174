package org.ecoledger.core.store;

import org.ecoledger.core.chain.HashAlgorithm;

/**
 * The ledger's birth certificate, stored once in {@code ledger_meta}: the storage scheme and the hash algorithm
 * every chain of this ledger uses.
 */
public record LedgerGenesis(int scheme, HashAlgorithm hashAlgorithm, String createdAt) {
}
