package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.ecoledger.api.reliability.LedgerProcess;
import org.ecoledger.api.reliability.Reliability;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access, against the packaged application in its own process: the role matrix of the HTTP API (every path by every
 * role and anonymously, every entry type by every appending role), failed sign-ins limited (429 after
 * {@code ledger.security.sign-in.max-failures-per-user}), nothing secret in the process's output after a run that
 * signs in with passwords and bearer tokens and generates the log's signing key, and that key file readable by its
 * owner only.
 */
class PackagedSecurityIT {

    private static final String USER = "li.si";

    @Test
    void thePackagedApplication_keepsItsRoleMatrix_limitsFailedSignIns_andLogsNoSecret() throws Exception {
        Path work = Reliability.workDirectory("security");
        String password = "Pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String hash = new BCryptPasswordEncoder().encode(password);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair issuer = generator.generateKeyPair();
        Path issuerKey = work.resolve("issuer.pub");
        Files.writeString(issuerKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                .encodeToString(issuer.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path dataDir = work.resolve("data");

        try (LedgerProcess app = LedgerProcess.app("security-app", dataDir,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + issuerKey,
                "--ledger.security.jwt.roles-claim=ledger_roles",
                "--logging.level.org.ecoledger=DEBUG")
                .env("LEDGER_SECURITY_USERS_0_NAME", USER)
                .env("LEDGER_SECURITY_USERS_0_PASSWORD_HASH", hash)
                .env("LEDGER_SECURITY_USERS_0_ROLES", "RECORDER")) {
            app.start();
            Api api = new Api(app.baseUrl());

            // The role matrix, as RoleMatrixTest runs it in-process.
            RoleMatrixTest.prepare(api);
            assertThat(RoleMatrixTest.matrixMismatches(api)).as("role matrix mismatches").isEmpty();
            assertThat(RoleMatrixTest.entryTypeMismatches(api)).as("entry types by role").isEmpty();

            // Bearer tokens work (and are never counted as failed sign-ins).
            String token = token(issuer, "赵审计", List.of("AUDITOR"));
            api.send(null, "GET", "/api/v1/log/keys", null, null, "Authorization", "Bearer " + token).expect(200);
            api.send(null, "GET", "/api/v1/log/keys", null, null, "Authorization", "Bearer " + token + "x")
               .problem(401, "unauthenticated");

            // A configured user signs in; five wrong passwords are 401, the sixth attempt 429 — even with the right one.
            String register = "{\"officialId\":\"sec-1\",\"name\":\"张三\"}";
            basic(api, USER, password, register).expect(201);
            for (int attempt = 1; attempt <= 5; attempt++) {
                basic(api, USER, password + "-wrong-" + attempt, register).problem(401, "unauthenticated");
            }
            Api.Answer refused = basic(api, USER, password + "-wrong-6", register);
            refused.problem(429, "too-many-sign-in-failures");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
            basic(api, USER, password, "{\"officialId\":\"sec-2\",\"name\":\"张三\"}")
                    .problem(429, "too-many-sign-in-failures");
            // Others are not affected.
            api.get("recorder", "/api/v1/officials?query=x").expect(200);
            api.send(null, "GET", "/api/v1/log/keys", null, null, "Authorization", "Bearer " + token).expect(200);

            // Nothing secret in the output (stdout and stderr) of the whole run.
            String log = app.log();
            assertThat(log).as("the run was logged").contains("Failed sign-ins of user name '" + USER + "'")
                           .contains("generated an Ed25519 signing key");
            Path keyFile = dataDir.resolve("log-signing-key.pem");
            String keyBody = Files.readAllLines(keyFile, StandardCharsets.US_ASCII).stream()
                                  .filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
            assertThat(keyBody).hasSizeGreaterThan(40);
            String basicCredentials = Base64.getEncoder().encodeToString((USER + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(log).as("the application's output")
                           .doesNotContain(password)
                           .doesNotContain(basicCredentials)
                           .doesNotContain(hash)
                           .doesNotContain(token)
                           .doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                           .doesNotContain("PRIVATE KEY")
                           .doesNotContain(keyBody.substring(0, 40));

            // The generated signing key: owner read/write only.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    private static Api.Answer basic(Api api, String user, String password, String body) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return api.send(null, "POST", "/api/v1/officials", "application/json", body,
                        "Authorization", "Basic " + credentials);
    }

    private static String token(KeyPair keys, String user, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("sub-" + user.hashCode()).claim("preferred_username", user).claim("ledger_roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }
}
