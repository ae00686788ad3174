/**
 * 查阅记录 (access log): every read of an official's record, recorded as events of a per-official {@link
 * org.ecoledger.core.access.AccessLog}, chained like the record itself.
 */
package org.ecoledger.core.access;
