package org.ecoledger.api.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    /** Counts the checks that reach the real encoder. */
    private static final class Counting implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return real.upgradeEncoding(encodedPassword);
        }
    }

    private static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aMatchIsRememberedForFiveMinutes_aWrongPasswordIsAlwaysChecked_andAChangedHashIsCheckedAfresh() {
        Counting counting = new Counting();
        SettableClock clock = new SettableClock();
        RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting, clock);
        String hash = counting.encode("secret");
        assertThat(hash).startsWith("{bcrypt}");

        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(counting.checks).as("one bcrypt check for three sign-ins").hasValue(1);

        assertThat(encoder.matches("wrong", hash)).isFalse();
        assertThat(encoder.matches("wrong", hash)).isFalse();
        assertThat(counting.checks).as("wrong passwords are checked every time").hasValue(3);

        String other = counting.encode("secret");
        assertThat(encoder.matches("secret", other)).isTrue();
        assertThat(counting.checks).as("another stored hash is checked afresh").hasValue(4);

        clock.now = clock.now.plus(RememberingPasswordEncoder.REMEMBER_FOR).plus(Duration.ofSeconds(1));
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(counting.checks).as("checked again after five minutes").hasValue(5);

        assertThat(encoder.upgradeEncoding(hash)).isFalse();
        assertThat(encoder.upgradeEncoding("{noop}secret")).isTrue();
    }
}
