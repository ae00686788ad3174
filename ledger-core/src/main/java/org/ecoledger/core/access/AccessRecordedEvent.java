package org.ecoledger.core.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.record.OfficialId;

/**
 * 已查阅 (the record was read): one line of an official's access log — who, what, when ({@code recordedAt}) and
 * the stated purpose (查阅事由, nullable).
 */
@Revision("1")
public record AccessRecordedEvent(
        OfficialId officialId,
        String who,
        String what,
        String purpose,
        Instant recordedAt) {
}
