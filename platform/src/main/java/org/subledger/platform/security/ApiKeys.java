package org.subledger.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.subledger.platform.security.ApiKeyStore.StoredKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * API keys: created for the signed-in user with a subset of its roles, shown once, revocable, listed with their last
 * use. Verifying one costs an HMAC and a map lookup; the key's row is read again after {@code cacheTtl} at most. A
 * key never has more than its user has today: its roles are intersected with the user's on every request.
 */
public class ApiKeys {

    /** How often a node writes a key's last use: a list shows it to the minute, at one write a minute per key. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** A new key with its secret, which exists only in this answer. */
    public record Created(StoredKey key, String secret) {
    }

    private record Verified(StoredKey key, Instant until) {
    }

    /**
     * A key's authorities, derived from its roles and the authorities its user had: used again while the user read
     * for the request has the same authorities. Deriving them per request (two role sets and a list of authorities)
     * was 3.6 % of a charge's request-thread CPU over HTTP.
     */
    private record Effective(Set<String> keyRoles, Set<GrantedAuthority> userAuthorities,
                             List<GrantedAuthority> authorities) {

        boolean derivedFrom(Set<String> roles, Collection<? extends GrantedAuthority> authoritiesOfUser) {
            return keyRoles.equals(roles) && userAuthorities.size() == authoritiesOfUser.size()
                    && userAuthorities.containsAll(authoritiesOfUser);
        }
    }

    private final ApiKeySecret secrets;
    private final ApiKeyStore store;
    private final UserDetailsService users;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUse = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final Map<UUID, Effective> effective = new ConcurrentHashMap<>();

    ApiKeys(ApiKeySecret secrets, ApiKeyStore store, UserDetailsService users, Clock clock, Duration cacheTtl) {
        this.secrets = secrets;
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /** @throws IllegalArgumentException naming a role the user does not have */
    Created create(String principal, String name, Set<String> requestedRoles) {
        Set<String> userRoles = rolesOf(principal);
        Set<String> roles = requestedRoles == null || requestedRoles.isEmpty() ? userRoles
                : new TreeSet<>(requestedRoles);
        for (String role : roles) {
            if (!userRoles.contains(role)) {
                throw new IllegalArgumentException(role);
            }
        }
        String secret = secrets.newKey();
        var key = new StoredKey(UUID.randomUUID(), secrets.display(secret), name, principal, roles, clock.instant(),
                principal, null, null, null);
        store.insert(key, secrets.hash(secret));
        log.info("API key {} ({}) created by {} with roles {}", key.id(), key.displayPrefix(), principal, roles);
        return new Created(key, secret);
    }

    List<StoredKey> list(String principal, boolean everyone) {
        return (everyone ? store.all() : store.ofPrincipal(principal)).stream().map(this::withLastUse).toList();
    }

    /** Revokes a key of the principal (any key for an admin); refused at once on this node. */
    Optional<StoredKey> revoke(UUID id, String principal, boolean admin) {
        var key = store.byId(id).filter(k -> admin || k.principal().equals(principal));
        if (key.isEmpty()) {
            return key;
        }
        if (store.revoke(id, principal, clock.instant())) {
            log.info("API key {} ({}) of {} revoked by {}", id, key.get().displayPrefix(), key.get().principal(),
                    principal);
        }
        verified.values().removeIf(v -> v.key().id().equals(id));
        return store.byId(id).map(this::withLastUse);
    }

    boolean looksLikeKey(String token) {
        return secrets.looksLikeKey(token);
    }

    /** The key's user and effective roles, or empty when the key is unknown, revoked, or its user is gone. */
    Optional<ApiKeyAuthentication> authenticate(String token) {
        String hash = secrets.hash(token);
        Instant now = clock.instant();
        var cached = verified.get(hash);
        StoredKey key;
        if (cached != null && now.isBefore(cached.until())) {
            key = cached.key();
        } else {
            key = store.byHash(hash).filter(k -> !k.revoked()).orElse(null);
            if (key == null) {
                verified.remove(hash);
                return Optional.empty();
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(hash, new Verified(key, now.plus(cacheTtl)));
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(key.principal());
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
        if (!user.isEnabled()) {
            return Optional.empty();
        }
        recordUse(key.id(), now);
        var authentication = new ApiKeyAuthentication(key.id(), key.principal(), authorities(key, user));
        if (user instanceof ScopedPrincipal scoped) {
            // a key sees what its user sees, resolved with the user (and forgotten with it when the user changes)
            authentication.setDetails(scoped);
        }
        return Optional.of(authentication);
    }

    /** The key's roles its user has today, as authorities: the key's roles intersected with the user's. */
    private List<GrantedAuthority> authorities(StoredKey key, UserDetails user) {
        Collection<? extends GrantedAuthority> userAuthorities = user.getAuthorities();
        Effective known = effective.get(key.id());
        if (known != null && known.derivedFrom(key.roles(), userAuthorities)) {
            return known.authorities();
        }
        Set<String> userRoles = roles(user);
        List<GrantedAuthority> authorities = key.roles().stream().filter(userRoles::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        if (effective.size() >= MAX_CACHED) {
            effective.clear();
        }
        effective.put(key.id(), new Effective(Set.copyOf(key.roles()), Set.copyOf(userAuthorities), authorities));
        return authorities;
    }

    private void recordUse(UUID id, Instant now) {
        lastUse.merge(id, now, (a, b) -> a.isAfter(b) ? a : b);
        Instant written = lastUseWritten.get(id);
        if (written != null && now.isBefore(written.plus(LAST_USE_PRECISION))) {
            return;
        }
        // only the request that wins the swap writes, so a burst of requests costs one update
        boolean won = written == null ? lastUseWritten.putIfAbsent(id, now) == null
                : lastUseWritten.replace(id, written, now);
        if (won) {
            store.used(id, now);
        }
    }

    private StoredKey withLastUse(StoredKey key) {
        Instant seen = lastUse.get(key.id());
        if (seen == null || (key.lastUsedAt() != null && !seen.isAfter(key.lastUsedAt()))) {
            return key;
        }
        return new StoredKey(key.id(), key.displayPrefix(), key.name(), key.principal(), key.roles(),
                key.createdAt(), key.createdBy(), key.revokedAt(), key.revokedBy(), seen);
    }

    private Set<String> rolesOf(String principal) {
        return roles(users.loadUserByUsername(principal));
    }

    private static Set<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
