package org.subledger.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.subledger.kernel.access.AccessScope;

import java.util.Collection;
import java.util.List;

/**
 * A user of the ledger's own directory, as authentication sees it: its roles, its units (the acting unit first) and
 * what it may see, resolved once when it was read and kept with its verified credentials.
 */
public class DirectoryUser extends User implements ScopedPrincipal {

    /** Never matches: a user whose password was never set cannot sign in with a password. */
    private static final String NO_PASSWORD = "{bcrypt}";

    private final Collection<String> roles;
    private final String displayName;
    private final List<String> units;
    private final AccessScope accessScope;

    DirectoryUser(String userName, String passwordHash, boolean enabled, Collection<String> roles,
                  String displayName, List<String> units, AccessScope accessScope) {
        super(userName, passwordHash == null ? NO_PASSWORD : passwordHash, enabled, true, true, true,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.roles = List.copyOf(roles);
        this.displayName = displayName;
        this.units = List.copyOf(units);
        this.accessScope = accessScope;
    }

    /**
     * A copy for one authentication: Spring erases the credentials of the user it authenticated, which must not
     * erase the hash of the copy kept for the next request.
     */
    DirectoryUser copy() {
        return new DirectoryUser(getUsername(), getPassword(), isEnabled(), roles, displayName, units, accessScope);
    }

    public String displayName() {
        return displayName;
    }

    public List<String> units() {
        return units;
    }

    @Override
    public AccessScope accessScope() {
        return accessScope;
    }
}
