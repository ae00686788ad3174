/**
 * 防篡改哈希链 (the tamper-evident hash chain): how one record's events are linked so that an auditor can show,
 * from the stored data alone, that nothing in it was altered, deleted, inserted or reordered.
 *
 * <p>{@link org.ecoledger.core.chain.CanonicalJson} turns JSON into canonical bytes (RFC 8785),
 * {@link org.ecoledger.core.chain.EntryHasher} hashes one entry with the ledger's
 * {@link org.ecoledger.core.chain.HashAlgorithm}, and {@link org.ecoledger.core.chain.ChainVerifier} checks a record
 * and says where and why it fails. The package depends on Jackson's tree model and Bouncy Castle only; it knows
 * nothing of the store, Axon or MongoDB. The byte-exact specification is {@code docs/hash-chain.md}.
 */
package org.ecoledger.core.chain;
