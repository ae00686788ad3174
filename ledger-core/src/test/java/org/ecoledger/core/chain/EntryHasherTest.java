package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EntryHasherTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void canonicalBytes_matchTheKnownAnswerVectors(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);

        for (int i = 0; i < vectors.entries().size(); i++) {
            assertThat(hasher.canonicalBytes(vectors.entry(i)))
                    .as("canonical bytes of sequence %d", i)
                    .isEqualTo(vectors.canonicalTexts().get(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hash_matchesTheKnownAnswerVectors(HashAlgorithm algorithm) {
        ChainVectors vectors = ChainVectors.load(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);

        for (int i = 0; i < vectors.entries().size(); i++) {
            assertThat(hasher.hash(vectors.entry(i))).as("hash of sequence %d", i).isEqualTo(vectors.hash(i));
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hash_isTheLowercaseHexDigestOfTheCanonicalBytes(HashAlgorithm algorithm) {
        ChainEntry entry = ChainVectors.load(algorithm).entry(2);
        EntryHasher hasher = new EntryHasher(algorithm);

        assertThat(hasher.hash(entry))
                .isEqualTo(HexFormat.of().formatHex(algorithm.digest(hasher.canonicalBytes(entry))))
                .matches("[0-9a-f]{64}");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void canonicalBytes_openWithTheDomainTagAndANewline(HashAlgorithm algorithm) {
        byte[] bytes = new EntryHasher(algorithm).canonicalBytes(ChainVectors.load(algorithm).entry(0));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("eco-ledger/entry/v1\n{\"aggregateId\":");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void genesisHash_is64Zeros_andAlgorithmIsKept(HashAlgorithm algorithm) {
        EntryHasher hasher = new EntryHasher(algorithm);

        assertThat(hasher.genesisHash()).isEqualTo("0".repeat(64)).isEqualTo(ChainVectors.load(algorithm).genesis());
        assertThat(hasher.algorithm()).isSameAs(algorithm);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hash_ignoresMemberInsertionOrderOfThePayload(HashAlgorithm algorithm) {
        ChainEntry entry = ChainVectors.load(algorithm).entry(3);
        ObjectNode reordered = NODES.objectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        entry.payload().fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, entry.payload().get(name)));

        assertThat(new EntryHasher(algorithm).hash(copy(entry, reordered)))
                .isEqualTo(ChainVectors.load(algorithm).hash(3));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hash_refusesAPayloadOutsideTheSubset_withThePointerInTheHashedObject(HashAlgorithm algorithm) {
        ChainEntry entry = ChainVectors.load(algorithm).entry(3);
        ObjectNode payload = entry.payload().deepCopy();
        payload.put("deadlineDays", 30.0);

        assertThatThrownBy(() -> new EntryHasher(algorithm).hash(copy(entry, payload)))
                .isInstanceOfSatisfying(NonCanonicalValueException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/payload/deadlineDays"));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void differentAlgorithms_giveDifferentHashesOfTheSameBytes(HashAlgorithm algorithm) {
        ChainEntry entry = ChainVectors.load(algorithm).entry(0);
        HashAlgorithm other = algorithm == HashAlgorithm.SM3 ? HashAlgorithm.SHA_256 : HashAlgorithm.SM3;

        assertThat(new EntryHasher(algorithm).canonicalBytes(entry))
                .isEqualTo(new EntryHasher(other).canonicalBytes(entry));
        assertThat(new EntryHasher(algorithm).hash(entry)).isNotEqualTo(new EntryHasher(other).hash(entry));
    }

    private static ChainEntry copy(ChainEntry e, ObjectNode payload) {
        return new ChainEntry(e.aggregateType(), e.aggregateId(), e.sequence(), e.globalIndex(), e.eventId(),
                e.payloadType(), e.payloadRevision(), e.timestamp(), payload, e.metadata(), e.prevHash());
    }
}
