package org.ecoledger.core.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.core.store.Appender.note;

/**
 * Tamper tests on a real store: change one thing of one stored document through the MongoDB driver, and the
 * record's verification names the exact sequence.
 */
class RecordTamperTest {

    TestStore store;
    MongoCollection<BsonDocument> events;
    RecordVerifier verifier;
    HashAlgorithm algorithm;

    void given(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        store = TestStore.inMemory();
        LedgerSchema.ensure(store.database(), algorithm, LedgerEventStorageEngineTest.CLOCK);
        LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder()
                                                                  .database(store.database())
                                                                  .hashAlgorithm(algorithm)
                                                                  .eventSerializer(TestStore.serializer())
                                                                  .build();
        for (int i = 0; i < 6; i++) {
            engine.appendEvents(note("r1", i, "entry " + i));
            engine.appendEvents(note("other", i, "other " + i));
        }
        events = store.database().getCollection(LedgerSchema.EVENTS, BsonDocument.class);
        verifier = new RecordVerifier(store.database(), algorithm);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void set(String aggregateKey, String field, String value) {
        events.updateOne(Filters.eq("ak", aggregateKey), Updates.set(field, new BsonString(value)));
    }

    private BsonDocument commit(String aggregateKey) {
        return events.find(Filters.eq("ak", aggregateKey)).first();
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anUntouchedRecord_verifies(HashAlgorithm algorithm) {
        given(algorithm);
        ChainVerification result = verifier.verify("r1");
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(6);
        assertThat(result.headHash()).isEqualTo(
                commit("r1#5").getArray("events").get(0).asDocument().getString("hash").getValue());
        assertThat(result.algorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void storedEntriesFromASequence_areTheTailOfTheRecord_asStored(HashAlgorithm algorithm) {
        given(algorithm);
        java.util.List<org.ecoledger.core.chain.StoredEntry> tail = verifier.storedEntries("r1", 4);
        assertThat(tail).extracting(entry -> entry.entry().sequence()).containsExactly(4L, 5L);
        assertThat(tail.get(1).storedHash()).isEqualTo(
                commit("r1#5").getArray("events").get(0).asDocument().getString("hash").getValue());
        assertThat(tail.get(1).entry().prevHash()).isEqualTo(tail.get(0).storedHash());
        assertThat(verifier.storedEntries("r1", 6)).isEmpty();
        assertThat(verifier.storedEntries("r1", 0)).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aChangedPayload_isReportedAtItsSequence(HashAlgorithm algorithm) {
        given(algorithm);
        set("r1#3", "events.0.payload.text", "entry 3 (forged)");
        assertInvalidAt(3);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aChangedMetadataValue_isReportedAtItsSequence(HashAlgorithm algorithm) {
        given(algorithm);
        set("r1#2", "events.0.metadata.recordedBy", "someone else");
        assertInvalidAt(2);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aChangedTimestamp_isReportedAtItsSequence(HashAlgorithm algorithm) {
        given(algorithm);
        set("r1#4", "events.0.timestamp", "2001-01-01T00:00:00Z");
        assertInvalidAt(4);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aChangedStoredHash_isReportedAtItsSequence(HashAlgorithm algorithm) {
        given(algorithm);
        set("r1#1", "events.0.hash", "ab".repeat(32));
        assertInvalidAt(1);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDeletedEntry_isReportedWhereItIsMissing(HashAlgorithm algorithm) {
        given(algorithm);
        events.deleteOne(Filters.eq("ak", "r1#3"));
        ChainVerification result = assertInvalidAt(3);
        assertThat(result.actual()).contains("4");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anInsertedEntry_withAForgedButWellFormedHash_breaksTheSequenceRightAfterIt(HashAlgorithm algorithm) {
        given(algorithm);
        BsonDocument original = commit("r1#3");
        BsonDocument genuine = original.getArray("events").get(0).asDocument();
        BsonDocument forged = genuine.clone();
        forged.put("payload", new BsonDocument("text", new BsonString("inserted")));
        forged.put("eventId", new BsonString("forged-event"));
        EntryHasher hasher = new EntryHasher(algorithm);
        ChainEntry entry = RecordVerifier.toStoredEntry(original, forged).entry();
        forged.put("hash", new BsonString(hasher.hash(entry)));
        BsonArray both = new BsonArray();
        both.add(forged);
        both.add(genuine);
        events.updateOne(Filters.eq("ak", "r1#3"), Updates.set("events", both));

        assertInvalidAt(4);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void twoSwappedEntries_areReportedAtTheFirstOfThem(HashAlgorithm algorithm) {
        given(algorithm);
        BsonArray second = commit("r1#2").getArray("events");
        BsonArray third = commit("r1#3").getArray("events");
        events.updateOne(Filters.eq("ak", "r1#2"), Updates.set("events", third));
        events.updateOne(Filters.eq("ak", "r1#3"), Updates.set("events", second));
        assertInvalidAt(2);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aMalformedEntry_isReportedNotThrown(HashAlgorithm algorithm) {
        given(algorithm);
        events.updateOne(Filters.eq("ak", "r1#5"), Updates.unset("events.0.prevHash"));
        ChainVerification result = assertInvalidAt(5);
        assertThat(result.problem()).contains("prevHash");
    }

    private ChainVerification assertInvalidAt(long sequence) {
        ChainVerification result = verifier.verify("r1");
        assertThat(result.valid()).as(result.summary()).isFalse();
        assertThat(result.firstInvalidSequence()).as(result.summary()).isEqualTo(sequence);
        assertThat(result.problem()).isNotBlank();
        assertThat(verifier.verify("other").valid()).isTrue();
        return result;
    }
}
