package org.ecoledger.core.record;

import java.time.LocalDate;

/** 档案指令 (a command to an {@link OfficialRecord}): the fields every entry carries besides its own. */
public interface RecordCommand {

    OfficialId officialId();

    LocalDate occurredOn();

    String sourceDocument();

    String recordedBy();
}
