package org.ecoledger.api.http.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a while, which password matched which stored hash, so that an HTTP Basic
 * client does not pay a bcrypt check (about a tenth of a second of CPU) on every request: Basic sends the password
 * each time, and a stateless API has no session to remember the sign-in. Only successful matches are remembered,
 * for {@link #REMEMBER_FOR}, under an HMAC of the password with a key drawn at start (the password itself is never
 * kept); the stored hash is part of the key, so a changed hash is checked afresh. A wrong password is always checked
 * by the delegate (and counted by the {@link SignInThrottle}). Encoding and upgrades are the delegate's.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    /** How long a successful match is remembered. */
    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

    /** How many matches are remembered before the memory starts afresh. */
    static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<Remembered, Instant> matches = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        Remembered remembered = new Remembered(encodedPassword, mac(rawPassword));
        Instant now = clock.instant();
        Instant until = matches.get(remembered);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean match = delegate.matches(rawPassword, encodedPassword);
        if (match) {
            if (matches.size() >= MAX_REMEMBERED) {
                matches.clear();
            }
            matches.put(remembered, now.plus(REMEMBER_FOR));
        } else {
            matches.remove(remembered);
        }
        return match;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence rawPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A stored hash and the HMAC of a password that matched it. */
    private record Remembered(String encodedPassword, byte[] passwordMac) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Remembered that && encodedPassword.equals(that.encodedPassword)
                    && Arrays.equals(passwordMac, that.passwordMac);
        }

        @Override
        public int hashCode() {
            return 31 * encodedPassword.hashCode() + Arrays.hashCode(passwordMac);
        }

        @Override
        public String toString() {
            return "Remembered[]";
        }
    }
}
