package org.subledger.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

    void forget(String userName) {
        read.remove(userName);
    }

    void forgetAll() {
        read.clear();
    }
}
