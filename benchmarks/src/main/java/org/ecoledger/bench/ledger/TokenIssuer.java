package org.ecoledger.bench.ledger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's own OIDC-style issuer: an RSA key whose public half the application trusts
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and RS256 bearer tokens with a role, as
 * production sign-in works (docs/operations.md, "An OIDC issuer"). The HTTP measurements sign in this way; HTTP Basic
 * is measured once besides (see {@code query.dossier.basic.p99_ms}).
 */
final class TokenIssuer {

    static final Duration VALIDITY = Duration.ofHours(3);

    private final KeyPair keys;
    private final Path publicKey;

    TokenIssuer(Path directory) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(directory);
        publicKey = directory.resolve("bench-issuer.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** The application's settings that make it accept this issuer's tokens (demo users stay on, for Basic). */
    Map<String, String> settings() {
        return Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey);
    }

    /** {@code Bearer <token>} for a user with {@code role}. */
    String authorization(String role) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("bench-" + role).claim("preferred_username", "bench-" + role)
                    .claim("roles", List.of(role.toUpperCase(Locale.ROOT)))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(VALIDITY))).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
