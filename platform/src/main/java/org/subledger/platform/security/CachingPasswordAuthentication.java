package org.subledger.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.subledger.platform.db.DatabaseFailures;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * HTTP Basic without bcrypt on every request. A verified user name and password is trusted for {@code ttl}: the
 * cache key is the user name and an HMAC of the password under a random key of this process, so the clear password
 * is never kept and a dump of the heap gives nothing reusable. A wrong password never matches a cached entry and
 * goes to bcrypt, unless the user or the client address has failed too often ({@link LoginThrottle}: 429, bcrypt
 * not run); at most {@code maxConcurrentChecks} bcrypt checks run at once, so a flood of guesses may take one core,
 * never the machine. A user of the directory who changes (disabled, a new password, other roles or units) is
 * forgotten at once ({@link DirectoryChanges}); other entries end with their time to live.
 */
class CachingPasswordAuthentication implements AuthenticationProvider {

    private static final int MAX_CACHED = 10_000;
    /** How long a password check waits for a turn at bcrypt before the caller is told to come back. */
    private static final Duration CHECK_QUEUE_WAIT = Duration.ofSeconds(5);

    /** {@code passwordHash}: the directory's hash the password was verified against (null for bootstrap users). */
    private record Verified(Authentication authentication, Instant until, String passwordHash) {
    }

    private final AuthenticationProvider passwords;
    private final UserDetailsService users;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration ttl;
    private final Semaphore checks;
    private final SecretKeySpec processKey;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    CachingPasswordAuthentication(AuthenticationProvider passwords, LoginThrottle throttle, Clock clock, Duration ttl,
                                  int maxConcurrentChecks) {
        this(passwords, null, throttle, clock, ttl, maxConcurrentChecks);
    }

    /**
     * @param users where a directory user is read again (cheaply: {@link LedgerUsers} keeps it for seconds) on every
     *              trusted request, so a user disabled, given a new password or new units on another node is refused
     *              or re-scoped within that time, not within the whole {@code ttl}
     */
    CachingPasswordAuthentication(AuthenticationProvider passwords, UserDetailsService users, LoginThrottle throttle,
                                  Clock clock, Duration ttl, int maxConcurrentChecks) {
        this.passwords = passwords;
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
        this.ttl = ttl;
        this.checks = new Semaphore(maxConcurrentChecks, true);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String user = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String cacheKey = cacheKey(user, password);
        Instant now = clock.instant();
        var cached = verified.get(cacheKey);
        if (cached != null && now.isBefore(cached.until())) {
            var current = current(cached);
            if (current != null) {
                return current;
            }
            verified.remove(cacheKey, cached);
        }
        String address = request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var wait = throttle.throttled(user, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        return check(request, user, address, cacheKey);
    }

    private Authentication check(Authentication request, String user, String address, String cacheKey) {
        try {
            if (!checks.tryAcquire(CHECK_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LoginThrottledException(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginThrottledException(Duration.ofSeconds(1));
        }
        try {
            // clients that sent the same credentials at once waited here for the first one's check: reuse it
            var cached = verified.get(cacheKey);
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.until())) {
                var current = current(cached);
                if (current != null) {
                    return current;
                }
            }
            Authentication result = passwords.authenticate(request);
            if (result == null) {
                throw new BadCredentialsException("not authenticated");
            }
            // read before Spring erases the credentials of the user it hands out
            String hash = result.getPrincipal() instanceof DirectoryUser verifiedUser ? verifiedUser.getPassword() : null;
            throttle.succeeded(user);
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(cacheKey, new Verified(result, now.plus(ttl), hash));
            return result;
        } catch (AuthenticationException refused) {
            if (!DatabaseFailures.isUnavailable(refused)) {
                // the directory could not be read: no guess was made, none is counted
                throttle.failed(user, address);
            }
            throw refused;
        } finally {
            checks.release();
        }
    }

    /**
     * The trusted authentication as the directory has the user now, or null when the user was disabled or its
     * password changed since it was verified. A bootstrap user does not change while the ledger runs.
     */
    private Authentication current(Verified cached) {
        if (cached.passwordHash() == null || users == null) {
            return cached.authentication();
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(cached.authentication().getName());
        } catch (AuthenticationException gone) {
            return null;
        } catch (RuntimeException unreadable) {
            // e.g. the database is down: answered as such (503), not as a wrong password
            throw new InternalAuthenticationServiceException("the directory of users cannot be read", unreadable);
        }
        if (!(user instanceof DirectoryUser now) || !now.isEnabled()
                || !cached.passwordHash().equals(now.getPassword())) {
            return null;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
        authentication.setDetails(cached.authentication().getDetails());
        return authentication;
    }

    /** The user's next request goes to bcrypt and the directory again. */
    void forget(String user) {
        String prefix = user + "\u0000";
        verified.keySet().removeIf(key -> key.startsWith(prefix));
    }

    void forgetAll() {
        verified.clear();
    }

    private String cacheKey(String user, String password) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return user + "\u0000" + Base64.getEncoder().encodeToString(
                    mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
