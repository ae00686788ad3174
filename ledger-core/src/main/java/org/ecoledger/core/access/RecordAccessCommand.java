package org.ecoledger.core.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.rules.Require;

/**
 * 登记查阅 (record a read of an official's record): who read it, what they read and why (查阅事由).
 *
 * @param logId   the access log of the official whose record was read
 * @param who     the authenticated reader
 * @param what    what was read, e.g. {@code entries}, {@code entries?asOf=2018-05-01}, {@code verification}
 * @param purpose the reader's stated purpose, or {@code null} when none was given
 */
@Revision("1")
public record RecordAccessCommand(
        @TargetAggregateIdentifier AccessLogId logId,
        String who,
        String what,
        String purpose) {

    public RecordAccessCommand {
        Require.present(logId, "officialId");
        Require.text(who, "who");
        Require.text(what, "what");
        Require.optionalText(purpose, "purpose");
    }
}
