package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.EntryHasher;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceFixture SHA = new EvidenceFixture(HashAlgorithm.SHA_256);

    private static ObjectNode json() {
        return SHA.bundle.toJson();
    }

    private static EvidenceVerification verify(ObjectNode json, TrustPolicy policy) {
        return new EvidenceVerifier(policy).verify(EvidenceBundle.fromJson(json));
    }

    private static EvidenceVerification verify(ObjectNode json) {
        return verify(json, SHA.policy());
    }

    private static void assertInvalid(EvidenceVerification result, String item, String problem) {
        assertThat(result.valid()).as(result.describe()).isFalse();
        assertThat(result.item()).isEqualTo(item);
        assertThat(result.problem()).isEqualTo(problem);
    }

    private static String flip(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[0] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Nested
    class Valid {

        @ParameterizedTest
        @EnumSource(HashAlgorithm.class)
        void theFixturesBundle_verifies_withEverythingItProves(HashAlgorithm algorithm) {
            EvidenceFixture fixture = new EvidenceFixture(algorithm);
            TrustPolicy policy = fixture.policy().requiringSm2()
                    .withWitnesses(List.of(fixture.witness1, fixture.witness2), 2)
                    .withSavedCheckpoint(fixture.savedCheckpoint);

            EvidenceVerification result = new EvidenceVerifier(policy).verify(fixture.bundle);

            assertThat(result.valid()).as(result.describe()).isTrue();
            assertThat(result.entries()).isEqualTo(6);
            assertThat(result.headHash()).isEqualTo(fixture.bundle.entries().get(5).storedHash());
            assertThat(result.treeSize()).isEqualTo(EvidenceFixture.SIZE);
            assertThat(result.signedBy()).containsExactly(TestKeys.LOG_NAME + " (ed25519)",
                    TestKeys.LOG_NAME + " (sm2)");
            assertThat(result.cosignedBy()).containsExactly(EvidenceFixture.WITNESS_1, EvidenceFixture.WITNESS_2);
        }

        @Test
        void theBundle_roundTripsThroughJsonBytes() throws Exception {
            byte[] bytes = JSON.writeValueAsBytes(SHA.bundle.toJson());

            EvidenceBundle read = EvidenceBundle.parse(bytes, JSON);

            assertThat(JSON.writeValueAsString(read.toJson())).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(new EvidenceVerifier(SHA.policy()).verify(read).valid()).isTrue();
        }
    }

    @Nested
    class TheRecord {

        @Test
        void aChangedPayload_isReportedAtItsSequence() {
            ObjectNode json = json();
            ((ObjectNode) json.get("entries").get(3).get("payload")).put("title", "秦皇岛市长");

            EvidenceVerification result = verify(json);

            assertInvalid(result, "entry sequence 3",
                    "content altered: the hash recomputed from the entry differs from the stored hash");
            assertThat(result.sequence()).isEqualTo(3);
            assertThat(result.actual()).isEqualTo(SHA.bundle.entries().get(3).storedHash());
        }

        @Test
        void aDeletedEntry_isReportedWhereTheSequenceBreaks() {
            ObjectNode json = json();
            ((ArrayNode) json.get("entries")).remove(2);
            ((ArrayNode) json.get("leaves")).remove(2);

            assertInvalid(verify(json), "entry sequence 2", "sequence 2 missing, found 3");
        }

        @Test
        void aRecordRewrittenFromSequence3On_hasAValidChain_butFailsInclusionAt3() {
            EntryHasher hasher = new EntryHasher(HashAlgorithm.SHA_256);
            List<StoredEntry> forged = new ArrayList<>(SHA.bundle.entries().subList(0, 3));
            String previous = forged.get(2).storedHash();
            for (StoredEntry stored : SHA.bundle.entries().subList(3, 6)) {
                ChainEntry e = stored.entry();
                ChainEntry rewritten = new ChainEntry(e.aggregateType(), e.aggregateId(), e.sequence(),
                        e.globalIndex(), e.eventId(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                        ((ObjectNode) e.payload().deepCopy()).put("title", "forged"), e.metadata(), previous);
                StoredEntry rehashed = new StoredEntry(rewritten, hasher.hash(rewritten));
                forged.add(rehashed);
                previous = rehashed.storedHash();
            }
            EvidenceBundle b = SHA.bundle;
            EvidenceBundle bundle = new EvidenceBundle(b.hashAlgorithm(), b.origin(), b.aggregateType(),
                    b.aggregateId(), forged, b.leaves(), b.checkpoint(), b.publicKeys(), b.cosignatures(),
                    b.consistencyProofs());

            EvidenceVerification result = new EvidenceVerifier(SHA.policy()).verify(bundle);

            assertThat(result.item()).isEqualTo("inclusion proof of sequence 3 (leaf 9)");
            assertThat(result.problem()).startsWith("the root computed from the inclusion proof");
            assertThat(result.sequence()).isEqualTo(3);
        }
    }

    @Nested
    class TheLog {

        @Test
        void aChangedInclusionProof_isNamed() {
            ObjectNode json = json();
            ArrayNode proof = (ArrayNode) json.get("leaves").get(2).get("inclusionProof");
            proof.set(1, TextNode.valueOf(flip(proof.get(1).textValue())));

            EvidenceVerification result = verify(json);

            assertThat(result.item()).isEqualTo("inclusion proof of sequence 2 (leaf 5)");
            assertThat(result.problem()).startsWith("the root computed from the inclusion proof, ");
        }

        @Test
        void aShortenedProof_andAForeignLeafIndex_areNamed() {
            ObjectNode json = json();
            ((ArrayNode) json.get("leaves").get(0).get("inclusionProof")).remove(0);
            assertInvalid(verify(json), "inclusion proof of sequence 0 (leaf 1)",
                    "inclusion proof has 4 hashes; leaf 1 of a tree of size 23 needs 5");

            json = json();
            ((ObjectNode) json.get("leaves").get(1)).put("globalIndex", 7);
            EvidenceVerification result = verify(json);
            assertInvalid(result, "leaf of sequence 1", "the leaf is not at the entry's global index");
            assertThat(result.expected()).isEqualTo("4");
            assertThat(result.actual()).isEqualTo("7");

            json = json();
            ((ArrayNode) json.get("leaves").get(0).get("inclusionProof")).set(0,
                    TextNode.valueOf("not base64!"));
            assertThat(verify(json).item()).isEqualTo("inclusion proof of sequence 0 (leaf 1)");
        }

        @Test
        void aCheckpointWithAnotherRoot_failsItsSignature() {
            ObjectNode json = json();
            String note = json.get("checkpoint").textValue();
            String root = note.split("\n")[2];
            json.put("checkpoint", note.replace(root, flip(root)));

            EvidenceVerification result = verify(json);

            assertInvalid(result, "checkpoint signature by " + TestKeys.LOG_NAME, "the Ed25519 signature by "
                    + TestKeys.LOG_NAME + " (key ID " + NoteKeys.hex(SHA.logKey.keyId()) + ") does not verify");
        }

        @Test
        void aWrongKey_findsNoTrustedSignature() {
            Ed25519NoteVerifier other = new Ed25519NoteSigner(TestKeys.LOG_NAME, TestKeys.ed25519("other-ed25519"))
                    .verifier();

            assertInvalid(verify(json(), TrustPolicy.of(List.of(other))), "checkpoint signatures",
                    "no signature by a known key (2 signature lines by unknown keys)");
        }

        @Test
        void requiredSm2_missing_isNamed() {
            ObjectNode json = json();
            SignedNote note = SignedNote.parse(json.get("checkpoint").textValue());
            json.put("checkpoint", new SignedNote(note.text(), note.signatures().subList(0, 1)).format());

            assertThat(verify(json).valid()).isTrue();
            assertInvalid(verify(json, SHA.policy().requiringSm2()), "checkpoint SM2 signature",
                    "an SM2 signature by a trusted key is required but the checkpoint has none");
        }

        @Test
        void anSm2OnlyCheckpoint_lacksTheRequiredEd25519Signature() {
            ObjectNode json = json();
            SignedNote note = SignedNote.parse(json.get("checkpoint").textValue());
            json.put("checkpoint", new SignedNote(note.text(), note.signatures().subList(1, 2)).format());

            assertInvalid(verify(json), "checkpoint Ed25519 signature",
                    "no trusted Ed25519 key signed the checkpoint");
        }

        @Test
        void anotherOrigin_isNamed() {
            ObjectNode json = json();
            json.put("origin", "elsewhere.example/log");

            EvidenceVerification result = verify(json);

            assertInvalid(result, "checkpoint origin", "the checkpoint is for another log");
            assertThat(result.expected()).isEqualTo("elsewhere.example/log");
        }
    }

    @Nested
    class Witnesses {

        private TrustPolicy quorum(int k) {
            return SHA.policy().withWitnesses(List.of(SHA.witness1, SHA.witness2), k);
        }

        @Test
        void aMissingCosignature_failsAQuorumOfTwo_butNotOfOne() {
            ObjectNode json = json();
            ((ArrayNode) json.get("cosignatures")).remove(1);

            assertInvalid(verify(json, quorum(2)), "witness quorum",
                    "1 of the 2 trusted witnesses cosigned (witness.test/w1), 2 required");
            assertThat(verify(json, quorum(1)).valid()).isTrue();
        }

        @Test
        void aBadCosignature_rejectsTheCheckpoint() {
            ObjectNode json = json();
            NoteSignature line = NoteSignature.parse(json.get("cosignatures").get(1).textValue());
            byte[] signature = line.signature();
            signature[20] ^= 1;
            ((ArrayNode) json.get("cosignatures")).set(1, TextNode.valueOf(
                    new NoteSignature(line.keyName(), line.keyId(), signature).line()));

            EvidenceVerification result = verify(json, quorum(1));

            assertThat(result.item()).isEqualTo("cosignature by witness.test/w2");
            assertThat(result.problem()).startsWith("the cosignature/v1 signature by witness.test/w2");
        }
    }

    @Nested
    class SavedCheckpoint {

        @Test
        void aChangedConsistencyProof_isNamed() {
            ObjectNode json = json();
            ArrayNode hashes = (ArrayNode) json.get("consistencyProofs").get(0).get("hashes");
            hashes.set(0, TextNode.valueOf(flip(hashes.get(0).textValue())));

            EvidenceVerification result = verify(json, SHA.policy().withSavedCheckpoint(SHA.savedCheckpoint));

            assertThat(result.item()).isEqualTo("consistency proof from size 10 to 23");
            assertThat(result.problem()).startsWith("the proof yields");
        }

        @Test
        void noProofFromTheSavedSize_isNamed() {
            ObjectNode json = json();
            json.putArray("consistencyProofs");

            assertInvalid(verify(json, SHA.policy().withSavedCheckpoint(SHA.savedCheckpoint)),
                    "consistency proof from size 10 to 23",
                    "the bundle has no consistency proof from the saved checkpoint's size 10");
        }

        @Test
        void theSameCheckpointSaved_isConsistent_aLargerOneIsNot() {
            assertThat(verify(json(), SHA.policy().withSavedCheckpoint(SHA.bundle.checkpoint())).valid()).isTrue();
            ObjectNode json = json();
            json.put("checkpoint", SHA.savedCheckpoint);
            EvidenceVerification result = verify(json, SHA.policy().withSavedCheckpoint(SHA.bundle.checkpoint()));
            assertInvalid(result, "saved checkpoint",
                    "the saved checkpoint is larger than the bundle's: the log cannot have shrunk");
        }
    }

    @Nested
    class Reading {

        @Test
        void truncatedJson_duplicateMembers_andOversizedInput_areFormatErrors() throws Exception {
            byte[] bytes = JSON.writeValueAsBytes(json());
            byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
            assertThatThrownBy(() -> EvidenceBundle.parse(truncated, JSON))
                    .isInstanceOf(EvidenceFormatException.class)
                    .hasMessageStartingWith("the bundle is not valid JSON at line 1, column");
            byte[] duplicate = ("{\"format\":\"x\",\"format\":\"" + EvidenceBundle.FORMAT + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> EvidenceBundle.parse(duplicate, JSON))
                    .hasMessageContaining("Duplicate field 'format'");
            assertThatThrownBy(() -> EvidenceBundle.parse(new byte[EvidenceBundle.MAX_BUNDLE_BYTES + 1], JSON))
                    .hasMessage("the bundle has 67108865 bytes, more than the 67108864 allowed");
        }

        @Test
        void missingOrMistypedMembers_areNamedByPath() {
            ObjectNode json = json();
            ((ObjectNode) json.get("entries").get(4)).put("sequence", "4");
            assertThatThrownBy(() -> EvidenceBundle.fromJson(json))
                    .hasMessage("entries[4].sequence must be a non-negative integer");
            ObjectNode other = json();
            other.put("format", "eco-ledger-evidence/2");
            assertThatThrownBy(() -> EvidenceBundle.fromJson(other))
                    .hasMessage("format is 'eco-ledger-evidence/2', this verifier reads eco-ledger-evidence/1");
            ObjectNode noLeaves = json();
            noLeaves.remove("leaves");
            assertThatThrownBy(() -> EvidenceBundle.fromJson(noLeaves)).hasMessage("leaves must be an array");
        }

        @Test
        void aFloatingPointPayloadValue_readsButFailsTheChainAtItsEntry() throws Exception {
            String text = JSON.writeValueAsString(json()).replace("\"n\":9,", "\"n\":9.0,");
            EvidenceBundle bundle = EvidenceBundle.parse(text.getBytes(StandardCharsets.UTF_8), JSON);

            EvidenceVerification result = new EvidenceVerifier(SHA.policy()).verify(bundle);

            assertThat(result.item()).isEqualTo("entry sequence 3");
            assertThat(result.problem()).isEqualTo(
                    "entry cannot be hashed: the value at /payload/n is outside the canonical JSON subset");
        }
    }
}
