package org.ecoledger.api.log;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.logstore.LogHead;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.store.StoredEventLog;

/** Appends real records through the application's command gateway, and waits for the log. */
final class Records {

    static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");

    private final RunningLedger ledger;
    private final CommandGateway gateway;

    Records(RunningLedger ledger) {
        this.ledger = ledger;
        this.gateway = ledger.bean(CommandGateway.class);
    }

    void city() {
        gateway.sendAndWait(new RegisterJurisdictionCommand(CITY, "示例市", JurisdictionLevel.CITY, null,
                                                            LocalDate.of(1990, 1, 1), null, "admin"));
    }

    /** Registers and appoints an official: 2 events. */
    void official(String id) {
        OfficialId official = OfficialId.of(id);
        gateway.sendAndWait(new RegisterOfficialCommand(official, "张三 " + id, LocalDate.of(2017, 1, 1), null,
                                                        "recorder"));
        gateway.sendAndWait(new AppointOfficialCommand(official, post(id), CITY, null, Role.PARTY_SECRETARY,
                                                       ResponsibilityKind.OVERALL, LocalDate.of(2017, 1, 3), null,
                                                       "recorder"));
    }

    /** Records {@code count} meetings, one a day from {@code first}. */
    void meetings(String id, LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            gateway.sendAndWait(new RecordMeetingCommand(OfficialId.of(id), post(id), MeetingBody.STANDING_COMMITTEE,
                                                         List.of("研究大气污染防治 " + i), first.plusDays(i), null,
                                                         "recorder"));
        }
    }

    private static PostId post(String id) {
        return PostId.of("secretary-" + id);
    }

    /** The number of stored events. */
    long events() {
        return ledger.bean(StoredEventLog.class).end();
    }

    /** The log's stored size. */
    long logSize() {
        return ledger.bean(LogStore.class).head().map(LogHead::size).orElse(0L);
    }

    /** Waits until the log holds every stored event; fails after {@code limit}. */
    void awaitLogCaughtUp(Duration limit) {
        long events = events();
        await(() -> logSize() >= events, limit, "the log to reach " + events + " leaves (has " + logSize() + ")");
    }

    static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
