package org.subledger.platform.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.subledger.kernel.access.AccessScope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A configured user of given units: its access scope rides on the authentication as its principal. */
final class ScopedUser extends User implements ScopedPrincipal {

    private static final Set<String> SUPER_READER_ROLES = Set.of("ROLE_AUDITOR", "ROLE_REPORTER");

    private final transient AccessScope scope;

    ScopedUser(UserDetails user, List<String> units, boolean superUser) {
        super(user.getUsername(), user.getPassword(), user.isEnabled(), user.isAccountNonExpired(),
                user.isCredentialsNonExpired(), user.isAccountNonLocked(), user.getAuthorities());
        boolean superReader = user.getAuthorities().stream()
                .anyMatch(authority -> SUPER_READER_ROLES.contains(authority.getAuthority()));
        this.scope = new AccessScope(user.getUsername(), units.isEmpty() ? null : units.get(0),
                new LinkedHashSet<>(units), superUser, superReader, Set.of());
    }

    @Override
    public AccessScope accessScope() {
        return scope;
    }
}
