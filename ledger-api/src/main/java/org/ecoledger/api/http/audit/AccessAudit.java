package org.ecoledger.api.http.audit;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.ecoledger.api.http.limits.RequestLimits;
import org.ecoledger.api.http.problems.ApiException;
import org.ecoledger.api.http.security.Callers;
import org.ecoledger.api.http.writes.LedgerWriter;
import org.ecoledger.core.access.AccessLogId;
import org.ecoledger.core.access.RecordAccessCommand;
import org.ecoledger.core.record.OfficialId;
import org.springframework.security.core.Authentication;

/**
 * 查阅登记 (the access audit): every read of an official's record is itself recorded — who, which record, what
 * was read, when, and the reader's purpose (查阅事由, the optional {@value #PURPOSE_HEADER} header) — as a line of
 * the record's access log ({@code access/<officialId>}), chained and durable like the record itself. Readers call
 * it after they have the answer and before they send it: when the line cannot be written (503), nothing is
 * answered.
 *
 * <p>{@value #PURPOSE_HEADER} is UTF-8; as HTTP headers carry bytes, it may be sent percent-encoded
 * ({@code %E6%8F%90…}) or as raw UTF-8 bytes.
 */
public class AccessAudit {

    /** The header stating why the record is read (查阅事由). */
    public static final String PURPOSE_HEADER = "X-Purpose";

    private final LedgerWriter writer;

    public AccessAudit(LedgerWriter writer) {
        this.writer = writer;
    }

    /** Records that {@code who} read {@code what} of {@code officialId}'s record, for {@code purpose} (nullable). */
    public void record(String who, OfficialId officialId, String what, String purpose) {
        writer.send(new RecordAccessCommand(AccessLogId.of(officialId), who, what, purpose));
    }

    /** Records a read by the authenticated caller, with the purpose of the request's {@value #PURPOSE_HEADER}. */
    public void record(Authentication caller, OfficialId officialId, String what, HttpServletRequest request) {
        record(Callers.name(caller), officialId, what, purposeOf(request));
    }

    /**
     * The request's {@value #PURPOSE_HEADER}, decoded; null when absent or blank.
     *
     * @throws ApiException (400) when longer than {@link RequestLimits#MAX_STRING_LENGTH}
     */
    public static String purposeOf(HttpServletRequest request) {
        String header = request.getHeader(PURPOSE_HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        byte[] raw = header.getBytes(StandardCharsets.ISO_8859_1); // the container decoded the bytes as Latin-1
        String purpose;
        if (header.matches(".*%[0-9A-Fa-f]{2}.*")) {
            try {
                purpose = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(PURPOSE_HEADER, "is not valid percent-encoded UTF-8");
            }
        } else {
            try {
                purpose = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                                .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                purpose = header;
            }
        }
        purpose = purpose.strip();
        if (purpose.length() > RequestLimits.MAX_STRING_LENGTH) {
            throw new ApiException(RequestLimits.exceeded("MAX_STRING_LENGTH", PURPOSE_HEADER,
                    "is longer than " + RequestLimits.MAX_STRING_LENGTH + " characters"));
        }
        return purpose.isEmpty() ? null : purpose;
    }
}
