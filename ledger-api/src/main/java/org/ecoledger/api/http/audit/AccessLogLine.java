package org.ecoledger.api.http.audit;

/**
 * One line of an official's access log, as stored and chained.
 *
 * @param sequence   the line's sequence in the log
 * @param who        the reader
 * @param officialId whose record was read
 * @param what       what was read
 * @param when       when ({@code recordedAt} of the line)
 * @param purpose    the stated purpose (查阅事由), or null
 * @param prevHash   the previous line's hash
 * @param hash       this line's hash
 */
public record AccessLogLine(long sequence, String who, String officialId, String what, String when, String purpose,
                            String prevHash, String hash) {
}
