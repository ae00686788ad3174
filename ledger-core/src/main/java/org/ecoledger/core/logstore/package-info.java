/**
 * The transparency log kept in the store (docs/transparency-log.md sections 3 and 4): the writer that appends a leaf
 * for every stored event in global-index order and keeps the hashes of complete subtrees ({@link
 * org.ecoledger.core.logstore.TransparencyLogWriter}), the signed checkpoints ({@link
 * org.ecoledger.core.logstore.Checkpointer}), the published keys, and the audit that recomputes the whole log from the
 * stored events ({@link org.ecoledger.core.logstore.LedgerAudit}). On the MongoDB driver, with exact-key reads only;
 * no Spring. The pure tree, proof and signature code is {@link org.ecoledger.core.log}.
 */
package org.ecoledger.core.logstore;
