package org.ecoledger.api.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** 登录限流: failed sign-ins per name and address, and per address, over a sliding window. */
class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(new SignInLimits(5, 20, Duration.ofMinutes(5)),
                                                               now::get);

    @Test
    void theSixthSignIn_afterFiveFailures_isRefused_untilTheOldestFailureAgesOut() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.refusal("li.si", "10.0.0.1")).as("attempt %s", i + 1).isEmpty();
            throttle.failed("li.si", "10.0.0.1");
            advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.refusal("li.si", "10.0.0.1")).hasValueSatisfying(wait ->
                assertThat(wait).isEqualTo(Duration.ofMinutes(5).minus(Duration.ofSeconds(50))));

        advance(Duration.ofMinutes(5).minus(Duration.ofSeconds(50)));
        assertThat(throttle.refusal("li.si", "10.0.0.1")).as("the first failure aged out").isEmpty();
    }

    @Test
    void otherNames_andOtherAddresses_areNotRefused() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("li.si", "10.0.0.1");
        }
        assertThat(throttle.refusal("li.si", "10.0.0.1")).isPresent();
        assertThat(throttle.refusal("wang.wu", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal("li.si", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulSignIn_forgetsTheFailuresOfThatNameFromThatAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.si", "10.0.0.1");
        }
        throttle.succeeded("li.si", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.si", "10.0.0.1");
        }
        assertThat(throttle.refusal("li.si", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyNames_isRefusedForEveryName_afterItsLimit() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user-" + i, "10.0.0.9");
        }
        assertThat(throttle.refusal("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.refusal("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void theKeysTracked_stayBounded() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED_KEYS; i++) {
            throttle.failed("u", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(SignInThrottle.MAX_TRACKED_KEYS + 1);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SignInLimits(0, 20, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInLimits(5, 20, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SignInLimits.defaults()).isEqualTo(new SignInLimits(5, 20, Duration.ofMinutes(5)));
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
