package org.ecoledger.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The fixed test keys in {@code src/test/resources/keys/}, generated once with OpenSSL 3.0
 * ({@code openssl genpkey -algorithm ed25519} / {@code -algorithm SM2}, public halves with {@code openssl pkey -pubout}).
 * Public so that other modules' tests can use them through ledger-core's test jar.
 */
public final class TestKeys {

    /** Key name of the log's keys in tests. */
    public static final String LOG_NAME = "ledger.test/eco-accountability";

    private TestKeys() {
    }

    public static String resource(String path) {
        try (InputStream in = TestKeys.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ed25519PrivateKeyParameters ed25519(String name) {
        return NoteKeys.readEd25519PrivateKey(resource("/keys/" + name + ".pem"));
    }

    public static ECPrivateKeyParameters sm2() {
        return NoteKeys.readSm2PrivateKey(resource("/keys/log-sm2.pem"));
    }

    public static Ed25519NoteSigner logSigner() {
        return new Ed25519NoteSigner(LOG_NAME, ed25519("log-ed25519"));
    }
}
