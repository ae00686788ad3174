package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.ecoledger.core.chain.HashAlgorithm;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final MerkleTree TREE = new MerkleTree(HashAlgorithm.SHA_256);
    private static final Checkpoint CHECKPOINT =
            new Checkpoint(TestKeys.LOG_NAME, 42, TREE.leafHash("x".getBytes(StandardCharsets.US_ASCII)));

    private static JsonNode vectors() throws IOException {
        try (InputStream in = SignedNoteTest.class.getResourceAsStream("/vectors/signed-note.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Every note obtained by changing one byte of {@code note} is refused: unparseable or not valid. */
    private static void assertEveryOneByteChangeFails(String note, List<? extends NoteVerifier> known) {
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            for (int delta : new int[] {1, 0x20}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) delta;
                boolean valid;
                try {
                    valid = SignedNote.parse(changed).verify(known).valid();
                } catch (MalformedNoteException e) {
                    valid = false;
                }
                assertThat(valid).as("byte %d ^ %d of the note", i, delta).isFalse();
            }
        }
    }

    @Nested
    class KnownAnswers {

        @Test
        void goSumdbNoteVector_isReproducedByteForByte() throws IOException {
            JsonNode v = vectors().get("ed25519");
            String[] skey = v.get("signerKey").textValue().split("\\+", 5);
            byte[] typeAndSeed = Base64.getDecoder().decode(skey[4]);
            assertThat(typeAndSeed[0]).isEqualTo((byte) 0x01);
            Ed25519NoteSigner signer = new Ed25519NoteSigner(v.get("keyName").textValue(),
                    new Ed25519PrivateKeyParameters(Arrays.copyOfRange(typeAndSeed, 1, 33)));

            SignedNote note = SignedNote.sign(v.get("text").textValue(), List.of(signer));

            assertThat(note.format()).isEqualTo(v.get("note").textValue());
            assertThat(NoteKeys.hex(signer.keyId())).isEqualTo(v.get("keyId").textValue());
            assertThat(NoteKeys.verifierKey(signer.verifier())).isEqualTo(v.get("verifierKey").textValue());
            NoteVerifier parsed = NoteKeys.parseVerifierKey(v.get("verifierKey").textValue());
            NoteVerification result = SignedNote.parse(v.get("note").textValue()).verify(List.of(parsed));
            assertThat(result.valid()).isTrue();
            assertThat(result.verified()).extracting(NoteVerification.Signer::name).containsExactly("PeterNeumann");
            assertEveryOneByteChangeFails(v.get("note").textValue(), List.of(parsed));
        }

        @Test
        void sm2SignatureMadeByOpenSsl_verifies_asANoteSignatureLine() throws IOException {
            JsonNode v = vectors().get("sm2");
            Sm2NoteVerifier verifier = new Sm2NoteVerifier(v.get("keyName").textValue(),
                    NoteKeys.readSm2PublicKey(TestKeys.resource("/" + v.get("publicKeyFile").textValue())));
            assertThat(Sm2NoteSigner.USER_ID).isEqualTo(v.get("userId").textValue());
            byte[] signature = Base64.getDecoder().decode(v.get("signature").textValue());
            SignedNote note = new SignedNote(v.get("text").textValue(),
                    List.of(new NoteSignature(verifier.name(), verifier.keyId(), signature)));

            assertThat(SignedNote.parse(note.format()).verify(List.of(verifier)).valid()).isTrue();
            assertEveryOneByteChangeFails(note.format(), List.of(verifier));
        }

        @Test
        void publishedWitnessCosignature_verifies_andOtherSignatureTypesAreIgnoredButCounted() throws IOException {
            JsonNode v = vectors().get("cosignature");
            NoteVerifier witness = NoteKeys.parseVerifierKey(v.get("verifierKey").textValue());
            assertThat(witness).isInstanceOf(CosignatureVerifier.class);
            SignedNote note = SignedNote.parse(v.get("note").textValue());

            NoteVerification result = note.verify(List.of(witness));

            assertThat(result.valid()).isTrue();
            assertThat(result.unknownSignatures()).isEqualTo(5);
            assertThat(result.verified()).containsExactly(new NoteVerification.Signer("remora.n621.de",
                    0xda77ade7, SignatureType.COSIGNATURE_V1, 1_779_573_024L));
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            assertThat(checkpoint.origin()).isEqualTo("arche2025h1.staging.ct.transparency.dev");
            assertThat(checkpoint.size()).isEqualTo(1_432_088_532L);
            SignedNote otherSize = new SignedNote(note.text().replace("1432088532", "1432088533"),
                    note.signatures());
            assertThat(otherSize.verify(List.of(witness)).problem()).isEqualTo(
                    "the cosignature/v1 signature by remora.n621.de (key ID da77ade7) does not verify");
        }
    }

    @Nested
    class RoundTrips {

        @Test
        void ed25519Checkpoint_roundTrips_andAnyChangedByteOfBodyOrSignatureFails() {
            Ed25519NoteSigner signer = TestKeys.logSigner();
            String formatted = CHECKPOINT.sign(List.of(signer)).format();

            SignedNote parsed = SignedNote.parse(formatted);

            assertThat(parsed.format()).isEqualTo(formatted);
            assertThat(Checkpoint.parse(parsed.text())).isEqualTo(CHECKPOINT);
            assertThat(parsed.verify(List.of(signer.verifier())).valid()).isTrue();
            assertThat(formatted).startsWith(CHECKPOINT.body() + "\n\u2014 " + TestKeys.LOG_NAME + " ");
            assertEveryOneByteChangeFails(formatted, List.of(signer.verifier()));
        }

        @Test
        void publicKeyFromItsPemFile_verifiesTheFixedKeysSignature() {
            Ed25519NoteVerifier fromPem = new Ed25519NoteVerifier(TestKeys.LOG_NAME,
                    NoteKeys.readEd25519PublicKey(TestKeys.resource("/keys/log-ed25519.pub.pem")));
            String note = CHECKPOINT.sign(List.of(TestKeys.logSigner())).format();

            assertThat(SignedNote.parse(note).verify(List.of(fromPem)).valid()).isTrue();
        }

        @Test
        void sm2Signature_roundTrips_withTheKeyOpenSslWrote_andTamperFails() {
            Sm2NoteSigner sm2 = new Sm2NoteSigner(TestKeys.LOG_NAME, TestKeys.sm2(), new SecureRandom());
            ECPublicKeyParameters publicKey =
                    NoteKeys.readSm2PublicKey(TestKeys.resource("/keys/log-sm2.pub.pem"));
            Sm2NoteVerifier verifier = new Sm2NoteVerifier(TestKeys.LOG_NAME, publicKey);
            assertThat(verifier.keyId()).isEqualTo(sm2.keyId());
            // The key identifier is exactly the DER OpenSSL wrote for the public key.
            byte[] opensslDer = Base64.getMimeDecoder().decode(TestKeys.resource("/keys/log-sm2.pub.pem")
                    .replaceAll("-----[A-Z ]+-----", ""));
            assertThat(NoteKeys.sm2KeyIdentifier(publicKey)).isEqualTo(opensslDer).hasSize(91);

            String note = CHECKPOINT.sign(List.of(TestKeys.logSigner(), sm2)).format();
            NoteVerification result = SignedNote.parse(note).verify(List.of(TestKeys.logSigner().verifier(),
                    verifier));

            assertThat(result.valid()).isTrue();
            assertThat(result.verifiedBy(SignatureType.ED25519)).isTrue();
            assertThat(result.verifiedBy(SignatureType.SM2)).isTrue();
            SignedNote sm2Only = new SignedNote(CHECKPOINT.body(), List.of(SignedNote.parse(note).signatures().get(1)));
            assertEveryOneByteChangeFails(sm2Only.format(), List.of(verifier));
        }

        @Test
        void witnessCosignature_roundTrips_withTheTimeOfTheGivenClock() {
            Clock clock = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
            CosignatureSigner witness = new CosignatureSigner("witness.test/w1", TestKeys.ed25519("witness1-ed25519"),
                    clock);
            SignedNote note = CHECKPOINT.sign(List.of(TestKeys.logSigner()));
            SignedNote cosigned = note.withSignatures(List.of(note.signatureBy(witness)));

            NoteVerification result = SignedNote.parse(cosigned.format()).verify(List.of(witness.verifier()));

            assertThat(result.valid()).isTrue();
            assertThat(result.unknownSignatures()).isEqualTo(1);
            assertThat(result.verified()).containsExactly(new NoteVerification.Signer("witness.test/w1",
                    witness.keyId(), SignatureType.COSIGNATURE_V1, 1_748_764_800L));
            NoteSignature signature = cosigned.signatures().get(1);
            byte[] otherTime = signature.signature();
            otherTime[7] ^= 1;
            SignedNote retimed = note.withSignatures(List.of(new NoteSignature(signature.keyName(),
                    signature.keyId(), otherTime)));
            assertThat(retimed.verify(List.of(witness.verifier())).valid()).isFalse();
            // A cosignature is not a plain Ed25519 signature of the same key: the key IDs differ.
            assertThat(new Ed25519NoteVerifier("witness.test/w1", witness.verifier().publicKey()).keyId())
                    .isNotEqualTo(witness.keyId());
        }
    }

    @Nested
    class KnownAndUnknownKeys {

        @Test
        void aWrongKeyUnderTheSameName_isUnknown_soTheNoteHasNoTrustedSignature() {
            String note = CHECKPOINT.sign(List.of(TestKeys.logSigner())).format();
            Ed25519NoteVerifier wrong = new Ed25519NoteSigner(TestKeys.LOG_NAME, TestKeys.ed25519("other-ed25519"))
                    .verifier();

            NoteVerification result = SignedNote.parse(note).verify(List.of(wrong));

            assertThat(result.valid()).isFalse();
            assertThat(result.problem()).isEqualTo("no signature by a known key (1 signature line by unknown keys)");
        }

        @Test
        void aKnownKeysBadSignature_rejectsTheWholeNote_evenIfAnotherVerifies() {
            SignedNote good = CHECKPOINT.sign(List.of(TestKeys.logSigner()));
            Ed25519NoteSigner other = new Ed25519NoteSigner("other.test/key", TestKeys.ed25519("other-ed25519"));
            byte[] bad = other.sign(good.textBytes());
            bad[0] ^= 1;
            SignedNote note = good.withSignatures(List.of(new NoteSignature(other.name(), other.keyId(), bad)));

            NoteVerification result = note.verify(List.of(TestKeys.logSigner().verifier(), other.verifier()));

            assertThat(result.valid()).isFalse();
            assertThat(result.problem()).isEqualTo("the Ed25519 signature by other.test/key (key ID "
                    + NoteKeys.hex(other.keyId()) + ") does not verify");
            assertThat(result.verified()).extracting(NoteVerification.Signer::name).containsExactly(TestKeys.LOG_NAME);
        }

        @Test
        void unknownKeyLines_areIgnoredButCounted_onceEach() {
            Ed25519NoteSigner other = new Ed25519NoteSigner("other.test/key", TestKeys.ed25519("other-ed25519"));
            SignedNote note = CHECKPOINT.sign(List.of(TestKeys.logSigner(), other, TestKeys.logSigner()));
            note = note.withSignatures(List.of(note.signatures().get(1)));

            NoteVerification result = SignedNote.parse(note.format()).verify(List.of(TestKeys.logSigner().verifier()));

            assertThat(result.valid()).isTrue();
            assertThat(result.unknownSignatures()).isEqualTo(1);
            assertThat(result.verified()).hasSize(1);
        }
    }

    @Nested
    class MalformedNotes {

        private final String signatureLine = CHECKPOINT.sign(List.of(TestKeys.logSigner())).signatures().get(0)
                .line();

        private void assertMalformed(String note, String reason) {
            assertThatThrownBy(() -> SignedNote.parse(note))
                    .isInstanceOf(MalformedNoteException.class)
                    .hasMessage(reason);
        }

        @Test
        void structuralErrors_areNamedPrecisely() {
            String body = CHECKPOINT.body();
            assertMalformed(body + signatureLine + "\n", "no blank line separates the text from the signatures");
            assertMalformed(body + "\n", "no signature lines after the blank line");
            assertMalformed(body + "\n" + signatureLine, "the last signature line does not end in a newline");
            assertMalformed(body + "\n" + signatureLine.replace('\u2014', '-') + "\n",
                    "signature line 1: a signature line must start with an em dash (U+2014) and a space");
            assertMalformed(body + "\n" + signatureLine.replace(TestKeys.LOG_NAME, "a+b") + "\n",
                    "signature line 1: invalid key name 'a+b' (non-empty, no spaces, no '+')");
            assertMalformed(body + "\n\u2014 name AAAA\n",
                    "signature line 1: the signature of name has 3 bytes; a key ID and a signature need at least 5");
            assertMalformed(body + "\n\u2014 name AAAAAAAA\n" + "\u2014 name AAAAAAB=\n",
                    "signature line 2: the signature of name is not canonical padded base64");
            assertMalformed(body + "\n\u2014 name AAAA*AAA\n",
                    "signature line 1: the signature of name is not base64: Illegal base64 character 2a");
            assertMalformed(body.replace("\n", "\t\n") + "\n" + signatureLine + "\n", "control character U+0009 on line 1");
            assertMalformed(body + "\uD800\n\n" + signatureLine + "\n", "unpaired surrogate on line 4 (not valid Unicode)");
            assertThatThrownBy(() -> SignedNote.parse(new byte[] {'a', '\n', '\n', (byte) 0xC0, '\n'}))
                    .hasMessage("note is not valid UTF-8");
        }

        @Test
        void untrustedSizes_areBounded() {
            StringBuilder many = new StringBuilder(CHECKPOINT.body()).append('\n');
            for (int i = 0; i <= SignedNote.MAX_SIGNATURES; i++) {
                many.append(signatureLine).append('\n');
            }
            assertMalformed(many.toString(), "more than 100 signature lines");
            assertMalformed("x".repeat(SignedNote.MAX_NOTE_BYTES) + "\n\n" + signatureLine + "\n",
                    "note is longer than 131072 bytes");
            assertMalformed("a\n".repeat(SignedNote.MAX_TEXT_LINES + 1) + "\n" + signatureLine + "\n",
                    "note text has 101 lines, more than 100");
            byte[] huge = new byte[SignedNote.MAX_SIGNATURE_BYTES + 5];
            assertMalformed(CHECKPOINT.body() + "\n\u2014 name " + Base64.getEncoder().encodeToString(huge) + "\n",
                    "signature line 1: the signature of name is longer than 8192 bytes");
        }
    }

    @Nested
    class Checkpoints {

        private final String root = Base64.getEncoder().encodeToString(new byte[32]);

        private void assertMalformed(String body, String reason) {
            assertThatThrownBy(() -> Checkpoint.parse(body))
                    .isInstanceOf(MalformedNoteException.class)
                    .hasMessage(reason);
        }

        @Test
        void body_isOriginSizeAndBase64Root_plusExtensionLines() {
            Checkpoint checkpoint = new Checkpoint("example.com/log", 20852163, Base64.getDecoder().decode(
                    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), List.of("ext one"));

            assertThat(checkpoint.body()).isEqualTo(
                    "example.com/log\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next one\n");
            assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
            assertThat(Checkpoint.parse("o\n0\n" + root + "\n").size()).isZero();
        }

        @Test
        void malformedBodies_areNamedByLine() {
            assertMalformed("o\n5\n" + root, "the checkpoint does not end in a newline");
            assertMalformed("o\n5\n", "a checkpoint has at least 3 lines (origin, tree size, root hash), not 2");
            assertMalformed("o\n05\n" + root + "\n",
                    "line 2 (tree size) '05' is not a decimal number without leading zeros");
            assertMalformed("o\n-5\n" + root + "\n",
                    "line 2 (tree size) '-5' is not a decimal number without leading zeros");
            assertMalformed("o\n9223372036854775808\n" + root + "\n",
                    "line 2 (tree size) 9223372036854775808 is too large");
            assertMalformed("o\n5\nAAAA\n", "line 3 (root hash) has 3 bytes, not 32");
            assertMalformed("o\n5\n" + root + "\n\nx\n", "line 4 is empty");
            assertMalformed("\n5\n" + root + "\n", "line 1 is empty");
            List<String> lines = new ArrayList<>(List.of("o", "5", root));
            for (int i = 0; i <= Checkpoint.MAX_EXTENSION_LINES; i++) {
                lines.add("e" + i);
            }
            assertMalformed(String.join("\n", lines) + "\n", "more than 16 extension lines");
        }
    }
}
