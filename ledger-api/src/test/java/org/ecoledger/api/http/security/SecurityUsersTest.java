package org.ecoledger.api.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.ecoledger.api.LedgerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class SecurityUsersTest {

    private static LedgerProperties ledger(String mongodbUri) {
        return new LedgerProperties(LedgerProperties.Mode.APP, Path.of("data"), mongodbUri, 0, null,
                                    ZoneId.of("Asia/Shanghai"), "SHA-256", "ledger", "origin", null, null);
    }

    private static SecurityUsersProperties security(Boolean demo, List<SecurityUsersProperties.User> users) {
        return new SecurityUsersProperties(demo, users, null);
    }

    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private final StaticListableBeanFactory noJwt = new StaticListableBeanFactory();

    @Test
    void theEmbeddedDefault_hasOneDemoUserPerRole() {
        var users = configuration.basicUsers(security(null, List.of()), ledger(null),
                                             noJwt.getBeanProvider(JwtDecoder.class)).users();
        assertThat(users).extracting(user -> user.getUsername())
                         .containsExactlyInAnyOrder("recorder", "organization", "discipline", "auditor", "admin");
        assertThat(users).allSatisfy(user -> assertThat(user.getAuthorities()).hasSize(1));
    }

    @Test
    void aRealStore_hasNoDemoUsers_andConfiguredUsersUseBcrypt() {
        String hash = new BCryptPasswordEncoder().encode("s3cret");
        var users = configuration.basicUsers(security(null, List.of(new SecurityUsersProperties.User(
                "li.si", hash, List.of(LedgerRole.RECORDER, LedgerRole.AUDITOR)))), ledger("mongodb://db/"),
                                             noJwt.getBeanProvider(JwtDecoder.class)).users();
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.getUsername()).isEqualTo("li.si");
            assertThat(user.getPassword()).isEqualTo("{bcrypt}" + hash);
            assertThat(user.getAuthorities()).extracting(Object::toString)
                                             .containsExactlyInAnyOrder("ROLE_RECORDER", "ROLE_AUDITOR");
        });
    }

    @Test
    void noUsersAndNoIssuer_refusesToStart() {
        assertThatThrownBy(() -> configuration.basicUsers(security(false, List.of()), ledger(null),
                                                          noJwt.getBeanProvider(JwtDecoder.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger.security.users");
    }

    @Test
    void aRoleName_isMatchedCaseInsensitively_withOrWithoutThePrefix() {
        assertThat(LedgerRole.named("discipline")).contains(LedgerRole.DISCIPLINE);
        assertThat(LedgerRole.named("ROLE_ADMIN")).contains(LedgerRole.ADMIN);
        assertThat(LedgerRole.named("root")).isEmpty();
    }
}
