package org.ecoledger.api.http.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.BsonDocument;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Many entries to one record in one commit, each judged by the same command handler as a single append. */
class BatchWriterTest {

    static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    static final PostId POST = PostId.of("city-secretary");
    static final LocalDate APPOINTED = LocalDate.of(2017, 1, 3);

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDir);
        ledger.bean(CommandGateway.class).sendAndWait(new RegisterJurisdictionCommand(
                CITY, "示例市", JurisdictionLevel.CITY, null, LocalDate.of(1990, 1, 1), null, "admin"));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    static RegisterOfficialCommand register(OfficialId official) {
        return new RegisterOfficialCommand(official, "张三", LocalDate.of(2016, 12, 1), null, "recorder");
    }

    static AppointOfficialCommand appoint(OfficialId official) {
        return new AppointOfficialCommand(official, POST, CITY, null, Role.PARTY_SECRETARY,
                                          ResponsibilityKind.OVERALL, APPOINTED, null, "recorder");
    }

    static RecordMeetingCommand meeting(OfficialId official, LocalDate on) {
        return new RecordMeetingCommand(official, POST, MeetingBody.STANDING_COMMITTEE, List.of("研究大气污染防治"), on,
                                        null, "recorder");
    }

    static RecordLedInspectionCommand inspection(OfficialId official, LocalDate on) {
        return new RecordLedInspectionCommand(official, POST, "北戴河", "入海河流排污口", on, null, "recorder");
    }

    private static long commitDocuments() {
        return ledger.bean(MongoDatabase.class).getCollection(LedgerSchema.EVENTS, BsonDocument.class)
                     .countDocuments(Filters.exists("ak"));
    }

    @Test
    void aRefusedCommandStoresNothing_andTheAcceptedOnesAreOneCommit_inOrder() {
        OfficialId official = OfficialId.of("batch-1");
        BatchWriter writer = ledger.bean(BatchWriter.class);
        writer.write(official.aggregateIdentifier(), List.of(register(official), appoint(official)));
        long commitsBefore = commitDocuments();

        List<BatchWriter.Outcome> outcomes = writer.write(official.aggregateIdentifier(), List.of(
                meeting(official, LocalDate.of(2017, 2, 10)),
                meeting(official, LocalDate.of(2016, 12, 20)), // before the appointment: refused
                meeting(official, LocalDate.of(2017, 3, 10)),
                inspection(official, LocalDate.of(2017, 3, 11))));

        assertThat(outcomes).extracting(BatchWriter.Outcome::appended).containsExactly(true, false, true, true);
        assertThat(outcomes.get(1).refusal()).isInstanceOfSatisfying(
                RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(LedgerRule.POST_NOT_HELD_ON_DATE));
        assertThat(outcomes).filteredOn(BatchWriter.Outcome::appended)
                            .extracting(o -> o.receipt().sequence()).containsExactly(2L, 3L, 4L);
        assertThat(outcomes.get(3).receipt().type()).isEqualTo("INSPECTION_LED");
        assertThat(commitDocuments()).isEqualTo(commitsBefore + 1);

        ChainVerification verification = ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier());
        assertThat(verification.valid()).as(verification.summary()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(outcomes.get(3).receipt().hash()).isEqualTo(verification.headHash());
    }

    @Test
    void aNewRecordIsRegisteredAndFilledInOneCommit() {
        OfficialId official = OfficialId.of("batch-2");
        long commitsBefore = commitDocuments();
        List<Object> commands = new ArrayList<>(List.of(register(official), appoint(official)));
        for (int month = 1; month <= 12; month++) {
            commands.add(meeting(official, LocalDate.of(2017, month, 20)));
        }
        List<BatchWriter.Outcome> outcomes = ledger.bean(BatchWriter.class).write(official.aggregateIdentifier(), commands);

        assertThat(outcomes).allMatch(BatchWriter.Outcome::appended);
        assertThat(outcomes).extracting(o -> o.receipt().sequence())
                            .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(commitDocuments()).isEqualTo(commitsBefore + 1);
        assertThat(ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier()).valid()).isTrue();
    }

    @Test
    void append_saysWhichCommandsWereRefused_withoutReadingTheEntriesBack() {
        OfficialId official = OfficialId.of("batch-4");
        List<BatchWriter.Outcome> outcomes = ledger.bean(BatchWriter.class).append(official.aggregateIdentifier(),
                List.of(register(official), appoint(official),
                        meeting(official, LocalDate.of(2016, 12, 20)), // before the appointment: refused
                        meeting(official, LocalDate.of(2017, 2, 10))));

        assertThat(outcomes).extracting(BatchWriter.Outcome::appended).containsExactly(true, true, false, true);
        assertThat(outcomes).extracting(BatchWriter.Outcome::receipt).containsOnlyNulls();
        assertThat(outcomes.get(2).refusal()).isInstanceOfSatisfying(
                RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(LedgerRule.POST_NOT_HELD_ON_DATE));
        ChainVerification verification = ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier());
        assertThat(verification.valid()).as(verification.summary()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
    }

    @Test
    void concurrentBatchesToOneRecord_neitherForksNorLosesAnEntry() throws Exception {
        OfficialId official = OfficialId.of("batch-3");
        BatchWriter writer = ledger.bean(BatchWriter.class);
        writer.write(official.aggregateIdentifier(), List.of(register(official), appoint(official)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<BatchWriter.Outcome>>> futures = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int day = thread + 1;
                futures.add(pool.submit(() -> {
                    List<BatchWriter.Outcome> all = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        List<Object> commands = new ArrayList<>();
                        for (int month = 1; month <= 10; month++) {
                            commands.add(meeting(official, LocalDate.of(2018, month, day)));
                        }
                        all.addAll(writer.write(official.aggregateIdentifier(), commands));
                    }
                    return all;
                }));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<List<BatchWriter.Outcome>> future : futures) {
                for (BatchWriter.Outcome outcome : future.get()) {
                    assertThat(outcome.appended()).isTrue();
                    sequences.add(outcome.receipt().sequence());
                }
            }
            assertThat(sequences).hasSize(200).doesNotHaveDuplicates().allMatch(s -> s >= 2 && s <= 201);
        } finally {
            pool.shutdownNow();
        }
        ChainVerification verification = ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier());
        assertThat(verification.valid()).as(verification.summary()).isTrue();
        assertThat(verification.entries()).isEqualTo(202);
    }
    @Test
    void writeAfter_storesTheBatchRightAfterTheExpectedEntry() {
        OfficialId official = OfficialId.of("batch-5");
        BatchWriter writer = ledger.bean(BatchWriter.class);
        writer.writeAfter(official.aggregateIdentifier(), -1, List.of(register(official), appoint(official)),
                          List.of(Map.of(), Map.of()));

        List<BatchWriter.Outcome> outcomes = writer.writeAfter(official.aggregateIdentifier(), 1,
                List.of(meeting(official, LocalDate.of(2017, 2, 10))), List.of(Map.of(LedgerWriter.IMPORT_KEY, "k")));

        assertThat(outcomes).extracting(o -> o.receipt().sequence()).containsExactly(2L);
        assertThat(ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier()).entries()).isEqualTo(3);

        // past 127, where two boxed sequence numbers are no longer the same object
        List<Object> meetings = new ArrayList<>();
        for (int day = 0; day < 300; day++) {
            meetings.add(meeting(official, LocalDate.of(2017, 3, 1).plusDays(day)));
        }
        List<Map<String, Object>> none = java.util.Collections.nCopies(meetings.size(), Map.of());
        assertThat(writer.writeAfter(official.aggregateIdentifier(), 2, meetings, none))
                .extracting(o -> o.receipt().sequence()).endsWith(302L);
        assertThat(writer.writeAfter(official.aggregateIdentifier(), 302, meetings.subList(0, 1), none.subList(0, 1)))
                .extracting(o -> o.receipt().sequence()).containsExactly(303L);
    }

    @Test
    void writeAfter_storesNothing_whenTheRecordMovedPastTheExpectedEntry() {
        OfficialId official = OfficialId.of("batch-6");
        BatchWriter writer = ledger.bean(BatchWriter.class);
        writer.write(official.aggregateIdentifier(), List.of(register(official), appoint(official)));
        // another writer appends entry 2 after this one read the record up to entry 1
        writer.write(official.aggregateIdentifier(), List.of(meeting(official, LocalDate.of(2017, 2, 10))));
        long commitsBefore = commitDocuments();

        assertThatThrownBy(() -> writer.writeAfter(official.aggregateIdentifier(), 1,
                List.of(meeting(official, LocalDate.of(2017, 2, 10))), List.of(Map.of())))
                .isInstanceOfSatisfying(RecordMovedException.class, e -> {
                    assertThat(e.expectedHead()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("its last entry is 2");
                });
        assertThat(commitDocuments()).isEqualTo(commitsBefore);
        assertThat(ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier()).entries()).isEqualTo(3);
    }

    @Test
    void writeAfter_storesNothing_whenTheRecordItWouldCreateExistsAlready() {
        OfficialId official = OfficialId.of("batch-7");
        BatchWriter writer = ledger.bean(BatchWriter.class);
        writer.write(official.aggregateIdentifier(), List.of(register(official)));
        long commitsBefore = commitDocuments();

        assertThatThrownBy(() -> writer.writeAfter(official.aggregateIdentifier(), -1,
                List.of(register(official), appoint(official)), List.of(Map.of(), Map.of())))
                .isInstanceOf(RecordMovedException.class);
        assertThat(commitDocuments()).isEqualTo(commitsBefore);
        assertThat(ledger.bean(RecordVerifier.class).verify(official.aggregateIdentifier()).entries()).isEqualTo(1);
    }
}
