package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

class NoteKeysTest {

    @Test
    void generatedEd25519Key_roundTripsThroughPem_andSigns() {
        Ed25519PrivateKeyParameters key = NoteKeys.generateEd25519(new SecureRandom());
        String pem = NoteKeys.privateKeyPem(key);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(NoteKeys.readEd25519PrivateKey(pem).getEncoded()).isEqualTo(key.getEncoded());
        String publicPem = NoteKeys.publicKeyPem(key.generatePublicKey());
        assertThat(NoteKeys.readEd25519PublicKey(publicPem).getEncoded())
                .isEqualTo(key.generatePublicKey().getEncoded());
    }

    @Test
    void fixedKeysWrittenByOpenSsl_areReadAndWrittenBackIdentically() {
        String pem = TestKeys.resource("/keys/log-ed25519.pem");
        assertThat(NoteKeys.privateKeyPem(NoteKeys.readEd25519PrivateKey(pem))).isEqualTo(pem);
        String publicPem = TestKeys.resource("/keys/log-ed25519.pub.pem");
        assertThat(NoteKeys.publicKeyPem(NoteKeys.readEd25519PublicKey(publicPem))).isEqualTo(publicPem);
        String sm2Public = TestKeys.resource("/keys/log-sm2.pub.pem");
        assertThat(NoteKeys.publicKeyPem(NoteKeys.readSm2PublicKey(sm2Public))).isEqualTo(sm2Public);
        assertThat(NoteKeys.publicKeyPem(NoteKeys.sm2PublicKey(TestKeys.sm2()))).isEqualTo(sm2Public);
    }

    @Test
    void generatedSm2Key_roundTripsThroughPem() {
        ECPrivateKeyParameters key = NoteKeys.generateSm2(new SecureRandom());
        ECPrivateKeyParameters read = NoteKeys.readSm2PrivateKey(NoteKeys.privateKeyPem(key));
        assertThat(read.getD()).isEqualTo(key.getD());
    }

    @Test
    void wrongKindsOfKey_areRefusedWithTheReason() {
        assertThatThrownBy(() -> NoteKeys.readEd25519PrivateKey(TestKeys.resource("/keys/log-sm2.pem")))
                .hasMessage("the PEM holds a ECPrivateKey, not an Ed25519 private key");
        assertThatThrownBy(() -> NoteKeys.readSm2PrivateKey(TestKeys.resource("/keys/log-ed25519.pem")))
                .hasMessage("the PEM holds a Ed25519PrivateKey, not an SM2 private key");
        assertThatThrownBy(() -> NoteKeys.readEd25519PrivateKey(TestKeys.resource("/keys/log-ed25519.pub.pem")))
                .hasMessage("PEM block is PUBLIC KEY, expected PRIVATE KEY");
        assertThatThrownBy(() -> NoteKeys.readEd25519PublicKey("not a key"))
                .hasMessage("no PEM block (-----BEGIN PUBLIC KEY-----) found");
    }

    @Test
    void verifierKeys_roundTripForEveryType_andAWrongKeyIdIsRefused() {
        Ed25519NoteSigner log = TestKeys.logSigner();
        Sm2NoteSigner sm2 = new Sm2NoteSigner(TestKeys.LOG_NAME, TestKeys.sm2(), new SecureRandom());
        CosignatureVerifier witness = new CosignatureVerifier("witness.test/w1",
                TestKeys.ed25519("witness1-ed25519").generatePublicKey());
        for (NoteVerifier verifier : List.of(log.verifier(), sm2.verifier(), witness)) {
            String vkey = NoteKeys.verifierKey(verifier);
            NoteVerifier parsed = NoteKeys.parseVerifierKey(vkey);
            assertThat(parsed.getClass()).isEqualTo(verifier.getClass());
            assertThat(parsed.keyId()).isEqualTo(verifier.keyId());
            assertThat(NoteKeys.verifierKey(parsed)).isEqualTo(vkey);
        }
        String vkey = NoteKeys.verifierKey(log.verifier());
        String wrongId = vkey.replace("+" + NoteKeys.hex(log.keyId()) + "+", "+00000000+");
        assertThatThrownBy(() -> NoteKeys.parseVerifierKey(wrongId))
                .hasMessageStartingWith("key ID 00000000 does not match the name and key");
        assertThatThrownBy(() -> NoteKeys.parseVerifierKey("name+0000000+AQ=="))
                .hasMessage("a verifier key is <name>+<8 hex digits>+<base64 key>");
    }
}
