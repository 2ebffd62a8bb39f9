package org.subledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address in a fixed window. Once either is over its limit,
 * further password checks for it are refused before bcrypt runs, until its window ends: guessing costs the guesser
 * time and the ledger nothing.
 */
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Clock clock;
    private final Duration window;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Window> users = new ConcurrentHashMap<>();
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, Duration window, int maxPerUser, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /** @return when the user or the address may try again, if either is throttled now */
    Optional<Duration> throttled(String user, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(users.get(user), maxPerUser, now);
        Duration addressWait = address == null ? Duration.ZERO : remaining(addresses.get(address), maxPerAddress, now);
        Duration longest = wait.compareTo(addressWait) >= 0 ? wait : addressWait;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        count(users, user, now);
        if (address != null) {
            count(addresses, address, now);
        }
    }

    void succeeded(String user) {
        users.remove(user);
    }

    private void count(Map<String, Window> windows, String key, Instant now) {
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    private Duration remaining(Window w, int max, Instant now) {
        if (w == null || w.failures() < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, w.start().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
