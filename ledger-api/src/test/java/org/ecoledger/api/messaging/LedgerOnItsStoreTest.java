package org.ecoledger.api.messaging;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.BsonDocument;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRecord;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.rules.RuleViolationException;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real application writes the ledger's records through Axon onto its own store, chained, across restarts. */
class LedgerOnItsStoreTest {

    static final OfficialId OFFICIAL = OfficialId.of("o-1");
    static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    static final PostId POST = PostId.of("city-secretary");

    @TempDir
    Path dataDir;

    private static void meeting(CommandGateway gateway, LocalDate on) {
        gateway.sendAndWait(new RecordMeetingCommand(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE,
                                                     List.of("研究大气污染防治"), on, null, "recorder"));
    }

    @Test
    void commandsAreStoredAsChainedRecords_andTheRecordContinuesAfterARestart() {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            CommandGateway gateway = ledger.bean(CommandGateway.class);
            gateway.sendAndWait(new RegisterJurisdictionCommand(CITY, "示例市", JurisdictionLevel.CITY, null,
                                                                LocalDate.of(1990, 1, 1), null, "admin"));
            gateway.sendAndWait(new RegisterOfficialCommand(OFFICIAL, "张三", LocalDate.of(2017, 1, 1), null,
                                                            "recorder"));
            gateway.sendAndWait(new AppointOfficialCommand(OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY,
                                                           ResponsibilityKind.OVERALL, LocalDate.of(2017, 1, 3),
                                                           "冀组〔2017〕1号", "recorder"));
            meeting(gateway, LocalDate.of(2017, 2, 10));

            MongoDatabase database = ledger.bean(MongoDatabase.class);
            BsonDocument first = database.getCollection(LedgerSchema.EVENTS, BsonDocument.class)
                                         .find(Filters.eq("ak", "official/o-1#0")).first();
            assertThat(first).isNotNull();
            assertThat(first.getString("aggregateType").getValue()).isEqualTo(OfficialRecord.class.getSimpleName());
            assertThat(first.getArray("events").get(0).asDocument().getDocument("payload")
                            .getString("name").getValue()).isEqualTo("张三");
        }
        try (RunningLedger again = RunningLedger.start(dataDir)) {
            meeting(again.bean(CommandGateway.class), LocalDate.of(2017, 3, 10));
            RecordVerifier verifier = again.bean(RecordVerifier.class);
            ChainVerification verification = verifier.verify("official/o-1");
            assertThat(verification.valid()).as(verification.summary()).isTrue();
            assertThat(verification.entries()).isEqualTo(4);
        }
    }

    private static void registerAndAppoint(CommandGateway gateway) {
        gateway.sendAndWait(new RegisterJurisdictionCommand(CITY, "示例市", JurisdictionLevel.CITY, null,
                                                            LocalDate.of(1990, 1, 1), null, "admin"));
        gateway.sendAndWait(new RegisterOfficialCommand(OFFICIAL, "张三", LocalDate.of(2017, 1, 1), null,
                                                        "recorder"));
        gateway.sendAndWait(new AppointOfficialCommand(OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY,
                                                       ResponsibilityKind.OVERALL, LocalDate.of(2017, 1, 3),
                                                       null, "recorder"));
    }

    @Test
    void twoNodesAppendingToOneRecord_bothSucceed_andTheChainStaysLinear(@TempDir Path secondDir) throws Exception {
        try (RunningLedger nodeA = RunningLedger.start(dataDir)) {
            String storeUri = "mongodb://" + nodeA.bean(org.ecoledger.api.store.EmbeddedMongoStore.class)
                                                  .hostAndPort() + "/ledger";
            try (RunningLedger nodeB = RunningLedger.start(secondDir, "--ledger.mongodb-uri=" + storeUri)) {
                CommandGateway a = nodeA.bean(CommandGateway.class);
                CommandGateway b = nodeB.bean(CommandGateway.class);
                registerAndAppoint(a);
                meeting(a, LocalDate.of(2017, 2, 1));   // A caches the record
                meeting(b, LocalDate.of(2017, 3, 1));   // B appends: A's cached copy is now stale
                meeting(a, LocalDate.of(2017, 4, 1));   // A's stale write is refused, retried on the fresh record
                Thread[] writers = new Thread[4];
                for (int i = 0; i < writers.length; i++) {
                    CommandGateway gateway = i % 2 == 0 ? a : b;
                    int month = 5 + i;
                    writers[i] = new Thread(() -> meeting(gateway, LocalDate.of(2017, month, 1)));
                    writers[i].start();
                }
                for (Thread writer : writers) {
                    writer.join(60_000);
                }
                ChainVerification verification = nodeA.bean(RecordVerifier.class).verify("official/o-1");
                assertThat(verification.valid()).as(verification.summary()).isTrue();
                assertThat(verification.entries()).as("registration, appointment and 7 meetings").isEqualTo(9);
            }
        }
    }

    @Test
    void aSnapshotCarriesTheRecordsState_soItsRulesStillHold() {
        try (RunningLedger ledger = RunningLedger.start(dataDir)) {
            CommandGateway gateway = ledger.bean(CommandGateway.class);
            gateway.sendAndWait(new RegisterJurisdictionCommand(CITY, "示例市", JurisdictionLevel.CITY, null,
                                                                LocalDate.of(1990, 1, 1), null, "admin"));
            gateway.sendAndWait(new RegisterOfficialCommand(OFFICIAL, "张三", LocalDate.of(2017, 1, 1), null,
                                                            "recorder"));
            AppointOfficialCommand appoint = new AppointOfficialCommand(
                    OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                    LocalDate.of(2017, 1, 3), null, "recorder");
            gateway.sendAndWait(appoint);
            for (int month = 1; month <= 12; month++) {
                meeting(gateway, LocalDate.of(2017, month, 20));
            }
            ledger.bean(Snapshotter.class).scheduleSnapshot(OfficialRecord.class, "official/o-1");
            MongoDatabase database = ledger.bean(MongoDatabase.class);
            BsonDocument snapshot = database.getCollection(LedgerSchema.SNAPSHOTS, BsonDocument.class)
                                            .find(Filters.eq("_id", "official/o-1")).first();
            assertThat(snapshot).as("the snapshot was stored").isNotNull();
            assertThat(snapshot.getInt64("sequence").getValue()).isEqualTo(13);
            assertThat(ledger.bean(EventStore.class).readEvents("official/o-1").asStream().count())
                    .as("a load now starts from the snapshot").isEqualTo(1);

            assertThatThrownBy(() -> gateway.sendAndWait(appoint))
                    .as("the post is still known to be held after loading from the snapshot")
                    .isInstanceOf(RuleViolationException.class);
            meeting(gateway, LocalDate.of(2018, 1, 20));
        }
    }
}
