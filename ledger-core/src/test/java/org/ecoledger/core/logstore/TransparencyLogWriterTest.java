package org.ecoledger.core.logstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.log.CompactRange;
import org.ecoledger.core.log.Ed25519NoteSigner;
import org.ecoledger.core.log.LogLeaf;
import org.ecoledger.core.log.MemorySubtreeHashes;
import org.ecoledger.core.log.MerkleTree;
import org.ecoledger.core.log.NoteKeys;
import org.ecoledger.core.log.SignedNote;
import org.ecoledger.core.store.LedgerEventStorageEngine;
import org.ecoledger.core.store.LedgerSchema;
import org.ecoledger.core.store.NoteAddedEvent;
import org.ecoledger.core.store.RecordVerifier;
import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.StoredEventLog;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log writer, checkpointer and audit on a real (embedded) store, without Axon's processor. */
class TransparencyLogWriterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final MerkleTree TREE = new MerkleTree(HashAlgorithm.SHA_256);

    TestStore store;
    LedgerEventStorageEngine engine;
    LogStore logStore;
    StoredEventLog events;
    Ed25519NoteSigner signer = new Ed25519NoteSigner("ledger.test/log",
                                                     NoteKeys.generateEd25519(new SecureRandom(new byte[]{1})));

    @BeforeEach
    void start() {
        store = TestStore.inMemory();
        LedgerSchema.ensure(store.database(), HashAlgorithm.SHA_256, CLOCK);
        engine = LedgerEventStorageEngine.builder().database(store.database()).hashAlgorithm(HashAlgorithm.SHA_256)
                                         .eventSerializer(TestStore.serializer()).build();
        logStore = new LogStore(store.database());
        events = new StoredEventLog(store.database());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    void append(String record, int from, int count) {
        for (int i = from; i < from + count; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Note", record, i, new NoteAddedEvent("n" + i, i),
                                                                MetaData.emptyInstance()));
        }
    }

    /** The tree rebuilt in memory from the stored events: what the stored log must equal. */
    CompactRange rebuilt(MemorySubtreeHashes sink) {
        CompactRange range = CompactRange.empty(TREE);
        for (LogLeaf leaf : events.leaves(0, StoredEventLog.MAX_LEAVES_PER_READ)) {
            range = range.append(leaf.leafHash(TREE), sink);
        }
        return range;
    }

    @Test
    void everyStoredEventBecomesTheLeafAtItsGlobalIndex_andEveryCompleteSubtreeIsStored() {
        append("a", 0, 7);
        append("b", 0, 6);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();

        assertThat(writer.handled(0, 12)).isEqualTo(13);

        MemorySubtreeHashes expected = new MemorySubtreeHashes();
        CompactRange range = rebuilt(expected);
        assertThat(writer.root()).isEqualTo(range.root());
        assertThat(logStore.head().orElseThrow().size()).isEqualTo(13);
        assertThat(store.database().getCollection(LogStore.SUBTREES).countDocuments()).isEqualTo(expected.size());
        for (int leaf = 0; leaf < 13; leaf++) {
            assertThat(logStore.hash(0, leaf)).isEqualTo(expected.hash(0, leaf));
        }
        assertThat(TREE.root(logStore, 13)).isEqualTo(range.root());
        assertThat(TREE.root(logStore, 8)).isEqualTo(TREE.root(expected, 8));
    }

    @Test
    void aReplayedEventIsNotAppendedAgain_andARestartedWriterResumesWithoutRewritingLeaves() {
        append("a", 0, 5);
        TransparencyLogWriter first = new TransparencyLogWriter(logStore, events, TREE);
        first.start();
        first.handled(0, 4);
        byte[] leaf2 = logStore.hash(0, 2);

        TransparencyLogWriter restarted = new TransparencyLogWriter(logStore, events, TREE);
        assertThat(restarted.start()).isEqualTo(5);
        assertThat(restarted.handled(2, 3)).as("a replay appends nothing").isEqualTo(5);
        append("a", 5, 3);
        assertThat(restarted.handled(5, 7)).isEqualTo(8);
        assertThat(logStore.hash(0, 2)).isEqualTo(leaf2);
        assertThat(restarted.root()).isEqualTo(rebuilt(new MemorySubtreeHashes()).root());
    }

    @Test
    void eventsWhoseBatchWasLost_areCaughtUpFromTheStore() {
        append("a", 0, 6);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        writer.handled(0, 1);
        assertThat(writer.handled(5, 5)).as("events 2..4 are read from the store").isEqualTo(6);
        assertThat(writer.root()).isEqualTo(rebuilt(new MemorySubtreeHashes()).root());
    }

    @Test
    void aStoredFrontierThatDoesNotMatchTheStoredSubtrees_stopsTheWriter() {
        append("a", 0, 3);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        writer.handled(0, 2);
        MongoCollection<BsonDocument> subtrees = store.database().getCollection(LogStore.SUBTREES,
                                                                                BsonDocument.class);
        subtrees.updateOne(Filters.eq("_id", "1/0"), Updates.set("h", new BsonBinary(new byte[32])));

        assertThatThrownBy(() -> new TransparencyLogWriter(logStore, events, TREE).start())
                .isInstanceOf(LogIntegrityException.class)
                .hasMessageContaining("frontier hash 0");
    }

    @Test
    void aReplayedEventWhoseLeafDiffersFromTheStoredOne_isRefused() {
        append("a", 0, 3);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        writer.handled(0, 2);
        store.database().getCollection(LedgerSchema.EVENTS)
             .updateOne(Filters.eq("ak", "a#1"), Updates.set("events.0.hash", "00".repeat(32)));

        assertThatThrownBy(() -> writer.handled(1, 1))
                .isInstanceOf(LogIntegrityException.class)
                .satisfies(e -> assertThat(((LogIntegrityException) e).item()).isEqualTo("log leaf 1"));
    }

    @Test
    void checkpointsAreSignedConsistently_andEveryOneIsKept() {
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        Checkpointer checkpointer = new Checkpointer(logStore, TREE, "ledger.test/log", List.of(signer), CLOCK,
                                                     StoreDurability.NONE);
        CheckpointPolicy policy = new CheckpointPolicy(Duration.ofSeconds(10), 5);
        assertThat(checkpointer.signIfDue(policy)).as("a new log signs its empty tree").isPresent();
        append("a", 0, 3);
        writer.handled(0, 2);
        assertThat(checkpointer.signIfDue(policy)).as("3 < 5 entries and no time passed").isEmpty();
        append("a", 3, 4);
        writer.handled(3, 6);
        StoredCheckpoint seven = checkpointer.signIfDue(policy).orElseThrow();

        assertThat(seven.size()).isEqualTo(7);
        assertThat(seven.previousSize()).isZero();
        assertThat(seven.checkpoint().rootHash()).isEqualTo(writer.root());
        assertThat(SignedNote.parse(seven.note()).verify(List.of(signer.verifier())).valid()).isTrue();
        assertThat(logStore.allCheckpoints()).extracting(StoredCheckpoint::size).containsExactly(0L, 7L);
        assertThat(checkpointer.sign(7)).as("the same size is not signed twice").isEqualTo(seven);
    }

    @Test
    void aTreeThatIsNotAnExtensionOfTheLatestCheckpoint_isNeverSigned() {
        append("a", 0, 4);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        writer.handled(0, 3);
        Checkpointer checkpointer = new Checkpointer(logStore, TREE, "ledger.test/log", List.of(signer), CLOCK,
                                                     StoreDurability.NONE);
        checkpointer.sign(3);
        // Rewrite history below the checkpoint: the stored subtree of leaves 0..1 changes.
        store.database().getCollection(LogStore.SUBTREES, BsonDocument.class)
             .updateOne(Filters.eq("_id", "1/0"), Updates.set("h", new BsonBinary(new byte[32])));

        assertThatThrownBy(() -> checkpointer.sign(4))
                .isInstanceOf(LogIntegrityException.class)
                .hasMessageContaining("not consistent with the latest checkpoint");
        assertThat(logStore.latestCheckpoint().orElseThrow().size()).isEqualTo(3);
    }

    @Test
    void theAudit_findsAnUntouchedLedgerValid_andATruncatedTailAgainstTheSignedLog() {
        append("a", 0, 5);
        append("b", 0, 4);
        TransparencyLogWriter writer = new TransparencyLogWriter(logStore, events, TREE);
        writer.start();
        writer.handled(0, 8);
        Checkpointer checkpointer = new Checkpointer(logStore, TREE, "ledger.test/log", List.of(signer), CLOCK,
                                                     StoreDurability.NONE);
        logStore.publishKey(PublishedKey.of(signer.verifier(), CLOCK.instant()));
        checkpointer.sign(9);
        LedgerAudit audit = new LedgerAudit(events, logStore, new RecordVerifier(store.database(),
                                                                                 HashAlgorithm.SHA_256), TREE);
        AuditReport clean = audit.run((done, total) -> { });
        assertThat(clean.valid()).as("%s", clean.problems()).isTrue();
        assertThat(clean.events()).isEqualTo(9);
        assertThat(clean.records()).isEqualTo(2);

        store.database().getCollection(LedgerSchema.EVENTS).deleteOne(Filters.eq("ak", "b#3"));
        AuditReport truncated = audit.run((done, total) -> { });

        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.problems()).extracting(AuditProblem::item).contains("log", "checkpoint at size 9");
    }

    @Test
    void aStoredSubtreeIsNeverRewritten_anEqualOneIsAccepted_aDifferentOneRefused() {
        byte[] one = new byte[32];
        one[0] = 1;
        logStore.putSubtrees(java.util.Map.of("0/0", one, "0/1", new byte[32]));
        logStore.putSubtrees(java.util.Map.of("0/0", one, "0/2", new byte[32]));

        assertThatThrownBy(() -> logStore.putSubtrees(java.util.Map.of("0/1", one, "0/3", one)))
                .isInstanceOf(LogIntegrityException.class)
                .hasMessageContaining("log subtree 0/1");
        assertThat(logStore.hash(0, 1)).isEqualTo(new byte[32]);
        assertThat(logStore.hash(0, 3)).as("the new one in the same batch is stored").isEqualTo(one);
    }
}
