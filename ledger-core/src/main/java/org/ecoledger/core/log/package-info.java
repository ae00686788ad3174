/**
 * 透明日志 (the transparency log): the ledger's events as leaves of one append-only Merkle tree (RFC 9162), signed
 * checkpoints of it (C2SP tlog-checkpoint and signed-note, Ed25519 and SM2), witness cosignatures (C2SP
 * tlog-cosignature) and the evidence bundle that lets an auditor check a record offline.
 *
 * <p>Pure functions and small value types only: {@link org.ecoledger.core.log.MerkleTree} and
 * {@link org.ecoledger.core.log.CompactRange} for the tree, {@link org.ecoledger.core.log.Checkpoint} and
 * {@link org.ecoledger.core.log.SignedNote} for checkpoints, {@link org.ecoledger.core.log.EvidenceVerifier} for
 * evidence. It depends on the JDK, Jackson, Bouncy Castle and {@code org.ecoledger.core.chain} only, so the offline
 * verifier ({@code ledger-verifier}) can ship it without Axon or MongoDB. The specification is
 * {@code docs/transparency-log.md}.
 */
package org.ecoledger.core.log;
