package org.ecoledger.api.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Production-style sign-in: bearer tokens checked against the issuer's key (here a public key file, as
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}; an {@code issuer-uri} works the same way),
 * roles from a configurable claim, the user from {@code preferred_username}; no demo users.
 */
class BearerTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void aTokensRoles_decideAccess_andItsUserIsRecordedBy() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path publicKey = dataDir.resolve("issuer.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        try (RunningLedger ledger = RunningLedger.start(dataDir.resolve("data"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--ledger.security.demo-users=false",
                "--ledger.security.jwt.roles-claim=ledger_roles")) {
            Api api = new Api(ledger);
            String recorder = token(keys, "王记录", List.of("recorder"));
            String auditor = token(keys, "赵审计", List.of("AUDITOR", "SOMETHING_ELSE"));

            Api.Answer registered = api.send(null, "POST", "/api/v1/officials", "application/json",
                    "{\"officialId\":\"jwt-1\",\"name\":\"张三\"}", "Authorization", "Bearer " + recorder);
            registered.expect(201);
            var entries = api.send(null, "GET", "/api/v1/officials/jwt-1/entries", null, null,
                                   "Authorization", "Bearer " + auditor).expect(200).json();
            assertThat(entries.get(0).path("payload").path("recordedBy").asText()).isEqualTo("王记录");

            api.send(null, "GET", "/api/v1/officials/jwt-1/entries", null, null, "Authorization",
                     "Bearer " + recorder).problem(403, "forbidden");
            api.send(null, "GET", "/api/v1/officials/jwt-1/entries", null, null, "Authorization",
                     "Bearer " + recorder + "x").problem(401, "unauthenticated");
            api.get("auditor", "/api/v1/officials/jwt-1/entries").problem(401, "unauthenticated");
        }
    }

    private static String token(KeyPair keys, String user, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("sub-" + user.hashCode()).claim("preferred_username", user).claim("ledger_roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }
}
