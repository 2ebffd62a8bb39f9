package org.subledger.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user who may sign in: the bootstrap users configured in {@code ledger.security.users} first (they work
 * before any directory exists, and cannot be changed through the API), then the ledger's own directory. A directory
 * user read is trusted for {@code ttl} (API keys ask for their user on every request); a change to the user, or to
 * any unit, forgets it at once on this node ({@link DirectoryChanges}), on other nodes within {@code ttl}.
 */
class LedgerUsers implements UserDetailsService {

    private static final int MAX_CACHED = 10_000;

    private record Read(DirectoryUser user, Instant until) {
    }

    private final ConfiguredUsers bootstrap;
    private final UserDirectory directory;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Read> read = new ConcurrentHashMap<>();
    private final Map<List<String>, Units> effectiveUnits = new ConcurrentHashMap<>();

    private record Units(Set<String> units, Instant until) {
    }

    LedgerUsers(ConfiguredUsers bootstrap, UserDirectory directory, Clock clock, Duration ttl) {
        this.bootstrap = bootstrap;
        this.directory = directory;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public UserDetails loadUserByUsername(String userName) {
        if (bootstrap.userExists(userName)) {
            return bootstrap.loadUserByUsername(userName);
        }
        Instant now = clock.instant();
        var cached = read.get(userName);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.user().copy();
        }
        var user = directory.find(userName)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        if (read.size() >= MAX_CACHED) {
            read.clear();
        }
        read.put(userName, new Read(user, now.plus(ttl)));
        return user.copy();
    }

    /**
     * What members of {@code units} see (for a bearer token's units), read from the directory once per {@code ttl}
     * like a user, and forgotten with everything else when a unit changes.
     */
    Set<String> effectiveUnits(List<String> units) {
        Instant now = clock.instant();
        var cached = effectiveUnits.get(units);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.units();
        }
        Set<String> resolved = Set.copyOf(directory.effectiveUnits(units));
        if (effectiveUnits.size() >= MAX_CACHED) {
            effectiveUnits.clear();
        }
        effectiveUnits.put(List.copyOf(units), new Units(resolved, now.plus(ttl)));
        return resolved;
    }

    void forget(String userName) {
        read.remove(userName);
    }

    void forgetAll() {
        read.clear();
        effectiveUnits.clear();
    }
}
