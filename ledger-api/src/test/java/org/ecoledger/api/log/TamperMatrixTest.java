package org.ecoledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.ecoledger.core.logstore.Checkpointer;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.RecordVerifier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tamper matrix on a real store: each change is made through the MongoDB driver after the log has signed the
 * ledger, and a verification run (over HTTP) must catch it. Changes inside a record fail its chain; a truncated tail
 * and a record rewritten with fresh hashes keep valid chains and are caught by the signed log.
 * <pre>
 *   global  0 city | 1, 2 o-1 registered, appointed | 3, 4 o-2 the same | 5..7 o-1 meetings (seq 2..4)
 *           8..10 o-2 meetings (seq 2..4)                         checkpoint of size 11
 * </pre>
 */
class TamperMatrixTest {

    enum Tamper { CHANGE_A_FIELD, DELETE, INSERT, SWAP, TRUNCATE_THE_TAIL, REWRITE_A_CHAIN_WITH_FRESH_HASHES }

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void everyTamperingIsCaughtByAVerificationRun(Tamper tamper) {
        try (RunningLedger ledger = RunningLedger.start(dataDir, TransparencyLogTest.NO_SCHEDULED_CHECKPOINTS,
                                                        TransparencyLogTest.NO_ENTRY_CHECKPOINTS)) {
            Records records = new Records(ledger);
            records.city();
            records.official("o-1");
            records.official("o-2");
            records.meetings("o-1", LocalDate.of(2017, 2, 1), 3);
            records.meetings("o-2", LocalDate.of(2017, 2, 1), 3);
            records.awaitLogCaughtUp(Duration.ofSeconds(10));
            assertThat(ledger.bean(Checkpointer.class).sign(11).size()).isEqualTo(11);
            LedgerHttp auditor = LedgerHttp.as("auditor", ledger);
            JsonNode clean = verificationRun(auditor);
            assertThat(clean.path("valid").asBoolean()).as("before tampering: %s", clean).isTrue();
            assertThat(clean.path("events").asLong()).isEqualTo(11);
            assertThat(clean.path("records").asLong()).as("the city and two officials").isEqualTo(3);

            MongoCollection<BsonDocument> events = ledger.bean(MongoDatabase.class)
                                                         .getCollection(LedgerSchema.EVENTS, BsonDocument.class);
            apply(tamper, events, ledger.bean(RecordVerifier.class));

            JsonNode result = verificationRun(auditor);
            assertThat(result.path("valid").asBoolean()).as("%s: %s", tamper, result).isFalse();
            List<String> items = result.path("problems").findValuesAsText("item");
            boolean chainProblem = items.stream().anyMatch(item -> item.startsWith("record official/o-"));
            switch (tamper) {
                case CHANGE_A_FIELD, SWAP -> assertThat(items).as("%s", result).contains(
                        "record official/o-1 sequence 3");
                case DELETE, INSERT -> assertThat(chainProblem).as("%s", result).isTrue();
                case TRUNCATE_THE_TAIL -> {
                    assertThat(chainProblem).as("the shortened chain is still valid: %s", result).isFalse();
                    assertThat(items).contains("log", "checkpoint at size 11");
                }
                case REWRITE_A_CHAIN_WITH_FRESH_HASHES -> {
                    assertThat(chainProblem).as("the rewritten chain is valid: %s", result).isFalse();
                    assertThat(items).contains("log leaf 6", "log leaf 7", "checkpoint at size 11");
                }
            }
            JsonNode health = LedgerHttp.read(LedgerHttp.anonymous(ledger).get("/actuator/health").body());
            assertThat(health.path("components").path("ledgerVerification").path("status").asText())
                    .isEqualTo("DOWN");
        }
    }

    static JsonNode verificationRun(LedgerHttp auditor) {
        var started = auditor.post("/api/v1/verification-runs", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = LedgerHttp.read(started.body()).path("runId").asText();
        JsonNode[] run = new JsonNode[1];
        Records.await(() -> {
            run[0] = auditor.getJson("/api/v1/verification-runs/" + runId);
            assertThat(run[0].path("status").asText()).as("%s", run[0]).isNotEqualTo("FAILED");
            return run[0].path("status").asText().equals("DONE");
        }, Duration.ofSeconds(30), "verification run " + runId);
        assertThat(run[0].path("done").asLong()).isEqualTo(run[0].path("total").asLong());
        return run[0].path("result");
    }

    private static void apply(Tamper tamper, MongoCollection<BsonDocument> events, RecordVerifier verifier) {
        switch (tamper) {
            case CHANGE_A_FIELD -> events.updateOne(Filters.eq("ak", "official/o-1#3"),
                                                    Updates.set("events.0.payload.topics", List.of("改过的议题")));
            case DELETE -> events.deleteOne(Filters.eq("ak", "official/o-1#3"));
            case INSERT -> {
                BsonDocument commit = events.find(Filters.eq("ak", "official/o-1#3")).first();
                BsonDocument original = commit.getArray("events").get(0).asDocument();
                BsonDocument forged = original.clone();
                forged.put("eventId", new BsonString("forged-entry"));
                forged.getDocument("payload").put("topics", new BsonArray(List.of(new BsonString("插入的会议"))));
                events.updateOne(Filters.eq("ak", "official/o-1#3"), Updates.combine(
                        Updates.set("events", new BsonArray(List.of(forged, original))),
                        Updates.set("count", new BsonInt32(2))));
            }
            case SWAP -> {
                BsonDocument third = events.find(Filters.eq("ak", "official/o-1#3")).first();
                BsonDocument fourth = events.find(Filters.eq("ak", "official/o-1#4")).first();
                events.updateOne(Filters.eq("ak", "official/o-1#3"),
                                 Updates.set("events", fourth.getArray("events")));
                events.updateOne(Filters.eq("ak", "official/o-1#4"),
                                 Updates.set("events", third.getArray("events")));
            }
            case TRUNCATE_THE_TAIL -> {
                events.deleteOne(Filters.eq("ak", "official/o-2#4"));
                events.deleteOne(Filters.eq("ak", "official/o-2#3"));
                assertThat(verifier.verify("official/o-2").valid()).as("the shortened chain verifies").isTrue();
            }
            case REWRITE_A_CHAIN_WITH_FRESH_HASHES -> {
                events.updateOne(Filters.eq("ak", "official/o-1#3"),
                                 Updates.set("events.0.payload.topics", List.of("改写的议题")));
                List<StoredEntry> entries = verifier.storedEntries("official/o-1");
                EntryHasher hasher = new EntryHasher(HashAlgorithm.SHA_256);
                String link = entries.get(2).storedHash();
                for (int sequence = 3; sequence < entries.size(); sequence++) {
                    ChainEntry e = entries.get(sequence).entry();
                    String hash = hasher.hash(new ChainEntry(e.aggregateType(), e.aggregateId(), e.sequence(),
                                                             e.globalIndex(), e.eventId(), e.payloadType(),
                                                             e.payloadRevision(), e.timestamp(), e.payload(),
                                                             e.metadata(), link));
                    events.updateOne(Filters.eq("ak", "official/o-1#" + sequence), Updates.combine(
                            Updates.set("events.0.prevHash", link), Updates.set("events.0.hash", hash)));
                    link = hash;
                }
                assertThat(verifier.verify("official/o-1").valid()).as("the rewritten chain verifies").isTrue();
            }
        }
    }
}
