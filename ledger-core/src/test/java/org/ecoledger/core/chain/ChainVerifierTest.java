package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each tamper test starts from the known-answer record (sequences 0 to 3, global indexes 17, 18, 25, 40), changes
 * exactly one thing, and expects the exact sequence, problem, expected and actual value of the first failure.
 */
class ChainVerifierTest {

    private static final String CONTENT_ALTERED =
            "content altered: the hash recomputed from the entry differs from the stored hash";

    private static List<StoredEntry> copyOf(ChainVectors vectors) {
        return new ArrayList<>(vectors.entries());
    }

    private static ChainVerification verify(ChainVectors vectors, List<StoredEntry> entries) {
        return new ChainVerifier(vectors.algorithm()).verify(vectors.aggregateType(), vectors.aggregateId(), entries);
    }

    /** The same hash with its last hex digit changed. */
    private static String flipLastDigit(String hash) {
        char last = hash.charAt(hash.length() - 1);
        return hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** Asserts the tamper changed exactly one byte of the hashed bytes. */
    private static void assertOneByteChanged(HashAlgorithm algorithm, ChainEntry original, ChainEntry tampered) {
        EntryHasher hasher = new EntryHasher(algorithm);
        byte[] before = hasher.canonicalBytes(original);
        byte[] after = hasher.canonicalBytes(tampered);
        assertThat(after).hasSameSizeAs(before);
        int differing = 0;
        for (int i = 0; i < before.length; i++) {
            differing += before[i] != after[i] ? 1 : 0;
        }
        assertThat(differing).as("bytes changed by the tamper").isEqualTo(1);
    }

    private static void assertInvalid(ChainVerification result, ChainVectors vectors, long sequence, String problem,
                                      String expected, String actual) {
        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(sequence);
        assertThat(result.problem()).isEqualTo(problem);
        assertThat(result.expected()).isEqualTo(expected);
        assertThat(result.actual()).isEqualTo(actual);
        assertThat(result.entries()).as("entries verified before the failure").isEqualTo(sequence);
        assertThat(result.headHash()).as("stored hash of the last entry that verified")
                .isEqualTo(sequence == 0 ? vectors.genesis() : vectors.hash((int) sequence - 1));
        assertThat(result.algorithm()).isEqualTo(vectors.algorithm());
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void knownAnswerRecord_isValid(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);

        ChainVerification result = verify(vectors, vectors.entries());

        assertThat(result).isEqualTo(ChainVerification.valid(4, vectors.headHash(), algorithm));
        assertThat(result.firstInvalidSequence()).isNull();
        assertThat(result.problem()).isNull();
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void emptyRecord_isValid_withGenesisHead(HashAlgorithm algorithm) {
        ChainVerification result = new ChainVerifier(algorithm).verify("Official", "nobody", List.of());

        assertThat(result).isEqualTo(ChainVerification.valid(0, "0".repeat(64), algorithm));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void oneByteOfAPayloadString_changed_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        ChainEntry original = vectors.entry(1);
        ObjectNode payload = (ObjectNode) original.payload().deepCopy();
        ArrayNode tasks = (ArrayNode) payload.get("keyTasks");
        tasks.set(0, tasks.get(0).textValue().replace("5%", "6%"));
        ChainEntry tampered = EntryBuilder.from(original).payload(payload).build();
        assertOneByteChanged(algorithm, original, tampered);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(1, new StoredEntry(tampered, vectors.hash(1)));

        assertInvalid(verify(vectors, entries), vectors, 1, CONTENT_ALTERED,
                new EntryHasher(algorithm).hash(tampered), vectors.hash(1));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aMetadataValue_changed_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        ChainEntry original = vectors.entry(3);
        ObjectNode metadata = (ObjectNode) original.metadata().deepCopy();
        metadata.put("correlationId", "c-0002");
        ChainEntry tampered = EntryBuilder.from(original).metadata(metadata).build();
        assertOneByteChanged(algorithm, original, tampered);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(3, new StoredEntry(tampered, vectors.hash(3)));

        assertInvalid(verify(vectors, entries), vectors, 3, CONTENT_ALTERED,
                new EntryHasher(algorithm).hash(tampered), vectors.hash(3));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void theTimestamp_changed_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        ChainEntry original = vectors.entry(2);
        assertThat(original.timestamp()).isEqualTo("2024-04-10T02:15:07.123Z");
        ChainEntry tampered = EntryBuilder.from(original).timestamp("2024-04-10T02:15:07.124Z").build();
        assertOneByteChanged(algorithm, original, tampered);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(2, new StoredEntry(tampered, vectors.hash(2)));

        assertInvalid(verify(vectors, entries), vectors, 2, CONTENT_ALTERED,
                new EntryHasher(algorithm).hash(tampered), vectors.hash(2));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aStoredHash_changed_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        String forged = flipLastDigit(vectors.hash(1));
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(1, new StoredEntry(vectors.entry(1), forged));

        assertInvalid(verify(vectors, entries), vectors, 1, CONTENT_ALTERED, vectors.hash(1), forged);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aPrevHash_changed_isReportedAsABrokenLink(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        String forged = flipLastDigit(vectors.hash(1));
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(2, new StoredEntry(EntryBuilder.from(vectors.entry(2)).prevHash(forged).build(), vectors.hash(2)));

        assertInvalid(verify(vectors, entries), vectors, 2,
                "link broken: prevHash is not the stored hash of sequence 1", vectors.hash(1), forged);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void firstEntryNotLinkedToGenesis_isReportedAtSequence0(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        String forged = "0".repeat(63) + "1";
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(0, new StoredEntry(EntryBuilder.from(vectors.entry(0)).prevHash(forged).build(), vectors.hash(0)));

        assertInvalid(verify(vectors, entries), vectors, 0,
                "first entry does not link to the genesis value", "0".repeat(64), forged);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDeletedEntry_isReportedAsTheMissingSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.remove(1);

        assertInvalid(verify(vectors, entries), vectors, 1, "sequence 1 missing, found 2", "1", "2");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDeletedFirstEntry_isReportedAtSequence0(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.remove(0);

        assertInvalid(verify(vectors, entries), vectors, 0, "sequence 0 missing, found 1", "0", "1");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDeletedLastEntry_leavesAValidShorterChain_whoseHeadNoLongerMatchesACheckpoint(HashAlgorithm algorithm) {
        // The limit of a chain on its own: cutting off its end is only visible against a recorded head.
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.remove(3);

        ChainVerification result = verify(vectors, entries);

        assertThat(result).isEqualTo(ChainVerification.valid(3, vectors.hash(2), algorithm));
        assertThat(result.headHash()).isNotEqualTo(vectors.headHash());
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anInsertedEntry_linkedAndHashedByTheForger_isReportedAtTheNextSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        ChainEntry forged = EntryBuilder.from(vectors.entry(2)).eventId("forged").globalIndex(20)
                .timestamp("2024-03-06T00:00:00Z").prevHash(vectors.hash(1)).build();
        String forgedHash = new EntryHasher(algorithm).hash(forged);
        List<StoredEntry> entries = copyOf(vectors);
        entries.add(2, new StoredEntry(forged, forgedHash));

        ChainVerification result = verify(vectors, entries);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("sequence 3 missing, found 2 again (a duplicated or reordered entry)");
        assertThat(result.expected()).isEqualTo("3");
        assertThat(result.actual()).isEqualTo("2");
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.headHash()).isEqualTo(forgedHash);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anInsertedEntry_withLaterSequencesRenumbered_isReportedAsABrokenLink(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);
        ChainEntry forged = EntryBuilder.from(vectors.entry(2)).eventId("forged").globalIndex(20)
                .prevHash(vectors.hash(1)).build();
        String forgedHash = hasher.hash(forged);
        List<StoredEntry> entries = new ArrayList<>(vectors.entries().subList(0, 2));
        entries.add(new StoredEntry(forged, forgedHash));
        for (int i = 2; i < 4; i++) {
            ChainEntry renumbered = EntryBuilder.from(vectors.entry(i)).sequence(i + 1).build();
            entries.add(new StoredEntry(renumbered, vectors.hash(i)));
        }

        ChainVerification result = verify(vectors, entries);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo("link broken: prevHash is not the stored hash of sequence 2");
        assertThat(result.expected()).isEqualTo(forgedHash);
        assertThat(result.actual()).isEqualTo(vectors.hash(1));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void twoEntriesSwapped_isReportedAtTheFirstOfThem(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        Collections.swap(entries, 1, 2);

        assertInvalid(verify(vectors, entries), vectors, 1, "sequence 1 missing, found 2", "1", "2");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDuplicatedEntry_isReportedAtTheSequenceAfterIt(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.add(2, vectors.stored(1));

        assertInvalid(verify(vectors, entries), vectors, 2,
                "sequence 2 missing, found 1 again (a duplicated or reordered entry)", "2", "1");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aGlobalIndexThatDoesNotIncrease_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(2, new StoredEntry(EntryBuilder.from(vectors.entry(2)).globalIndex(18).build(), vectors.hash(2)));

        assertInvalid(verify(vectors, entries), vectors, 2,
                "global index 18 does not follow the previous entry's 18", "greater than 18", "18");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anEntryOfAnotherRecord_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(3, new StoredEntry(
                EntryBuilder.from(vectors.entry(3)).aggregateId("official-130300-0008").build(), vectors.hash(3)));

        assertInvalid(verify(vectors, entries), vectors, 3,
                "entry belongs to another record", vectors.aggregateId(), "official-130300-0008");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void anEntryOfAnotherAggregateType_isReportedAtThatSequence(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);

        ChainVerification result = new ChainVerifier(algorithm)
                .verify("Jurisdiction", vectors.aggregateId(), vectors.entries());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isZero();
        assertThat(result.problem()).isEqualTo("entry belongs to another aggregate type");
        assertThat(result.expected()).isEqualTo("Jurisdiction");
        assertThat(result.actual()).isEqualTo("Official");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aDoubleWrittenIntoTheStore_isReportedAtThatSequence_notThrown(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        ObjectNode payload = (ObjectNode) vectors.entry(2).payload().deepCopy();
        payload.put("attendees", 11.0);
        List<StoredEntry> entries = copyOf(vectors);
        entries.set(2, new StoredEntry(EntryBuilder.from(vectors.entry(2)).payload(payload).build(), vectors.hash(2)));

        assertInvalid(verify(vectors, entries), vectors, 2,
                "entry cannot be hashed: the value at /payload/attendees is outside the canonical JSON subset",
                "an object, array, string, true, false, null or integer within ±(2^53-1)",
                "non-integral number 11.0 (only integers are allowed)");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aRecordVerifiedWithTheOtherAlgorithm_failsAtSequence0(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        HashAlgorithm other = algorithm == HashAlgorithm.SM3 ? HashAlgorithm.SHA_256 : HashAlgorithm.SM3;

        ChainVerification result = new ChainVerifier(other)
                .verify(vectors.aggregateType(), vectors.aggregateId(), vectors.entries());

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSequence()).isZero();
        assertThat(result.problem()).isEqualTo(CONTENT_ALTERED);
        assertThat(result.expected()).isEqualTo(new EntryHasher(other).hash(vectors.entry(0)));
        assertThat(result.actual()).isEqualTo(vectors.hash(0));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void aRecordRewrittenFromTheInsertionOn_isValid_butItsHeadDiffers(HashAlgorithm algorithm) {
        // Why checkpoints exist: whoever rewrites every later entry gets a consistent chain with a new head.
        ChainVectors vectors = ChainVectors.load(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);
        List<StoredEntry> entries = new ArrayList<>(vectors.entries().subList(0, 2));
        String prev = vectors.hash(1);
        ChainEntry forged = EntryBuilder.from(vectors.entry(2)).eventId("forged").globalIndex(20).prevHash(prev)
                .build();
        entries.add(new StoredEntry(forged, prev = hasher.hash(forged)));
        for (int i = 2; i < 4; i++) {
            ChainEntry rewritten = EntryBuilder.from(vectors.entry(i)).sequence(i + 1).prevHash(prev).build();
            entries.add(new StoredEntry(rewritten, prev = hasher.hash(rewritten)));
        }

        ChainVerification result = verify(vectors, entries);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(prev).isNotEqualTo(vectors.headHash());
    }
}
