package org.ecoledger.api.http.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * 登录限流 (failed sign-ins are limited): counts the failed HTTP Basic sign-ins of each user name from each client
 * address, and of each client address whatever the name, over a sliding window. Once a count has reached its limit,
 * further sign-ins on that key are refused (429) until the oldest failure in the window has aged out of it — with the
 * right password too, and without checking it (so guessing gets no answer and costs no bcrypt round). A successful
 * sign-in forgets the failures of that name from that address. In memory, per node.
 *
 * <p>Time is read from a monotonic source, so a wall clock stepped back or forth changes nothing. The keys tracked are
 * bounded ({@link #MAX_TRACKED_KEYS}): beyond it, keys whose failures have all aged out are dropped first, then the
 * least recently failed.
 */
public final class SignInThrottle {

    /** Most keys (address, or name and address) whose failures are remembered at once. */
    public static final int MAX_TRACKED_KEYS = 100_000;

    private final SignInLimits limits;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(SignInLimits limits) {
        this(limits, System::nanoTime);
    }

    SignInThrottle(SignInLimits limits, LongSupplier nanoTime) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public SignInLimits limits() {
        return limits;
    }

    /**
     * How long {@code user} signing in from {@code address} must wait, if at all.
     *
     * @return empty when the sign-in may go ahead; else the time until it may
     */
    public Optional<Duration> refusal(String user, String address) {
        long now = nanoTime.getAsLong();
        Duration wait = wait(userKey(user, address), limits.maxFailuresPerUser(), now);
        Duration waitAddress = wait(addressKey(address), limits.maxFailuresPerAddress(), now);
        Duration longer = wait.compareTo(waitAddress) >= 0 ? wait : waitAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** Counts a failed sign-in of {@code user} from {@code address}. */
    public void failed(String user, String address) {
        long now = nanoTime.getAsLong();
        if (failures.size() >= MAX_TRACKED_KEYS) {
            evict(now);
        }
        record(userKey(user, address), limits.maxFailuresPerUser(), now);
        record(addressKey(address), limits.maxFailuresPerAddress(), now);
    }

    /** Forgets the failures of {@code user} from {@code address} (it signed in). */
    public void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    /** Keys currently tracked (for tests and the bound). */
    int trackedKeys() {
        return failures.size();
    }

    private Duration wait(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // The sign-in may go ahead once enough failures have aged out to leave room for one more.
            long freedAt = times.stream().skip(times.size() - limit).findFirst().orElseThrow()
                    + limits.window().toNanos();
            return Duration.ofNanos(Math.max(1, freedAt - now));
        }
    }

    private void record(String key, int limit, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Long> times, long now) {
        long oldest = now - limits.window().toNanos();
        while (!times.isEmpty() && times.peekFirst() - oldest <= 0) {
            times.removeFirst();
        }
    }

    private void evict(long now) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                prune(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (failures.size() < MAX_TRACKED_KEYS) {
            return;
        }
        // Still full of live keys: drop the quarter whose last failure is oldest.
        failures.entrySet().stream()
                .sorted((a, b) -> Long.compare(last(a.getValue()), last(b.getValue())))
                .limit(MAX_TRACKED_KEYS / 4)
                .map(Map.Entry::getKey).toList()
                .forEach(failures::remove);
    }

    private static long last(Deque<Long> times) {
        synchronized (times) {
            Long last = times.peekLast();
            return last == null ? Long.MIN_VALUE : last;
        }
    }

    private static String userKey(String user, String address) {
        return "user\u0000" + address + "\u0000" + user;
    }

    private static String addressKey(String address) {
        return "address\u0000" + address;
    }
}
