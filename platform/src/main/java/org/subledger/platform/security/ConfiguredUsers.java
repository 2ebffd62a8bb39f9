package org.subledger.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;
import java.util.Map;

/**
 * The users of {@code ledger.security.users} (and the demo users). A user configured with units or as a super user
 * is answered as a {@link ScopedUser}, so its authentication carries its {@code AccessScope}; the others see
 * everything, as before units existed. (The in-memory manager answers copies of its users, which would lose the
 * scope: hence this wrapper.)
 */
final class ConfiguredUsers implements UserDetailsService, UserDetailsPasswordService {

    private final InMemoryUserDetailsManager users;
    private final Map<String, LedgerSecurityProperties.User> scoped;

    ConfiguredUsers(List<UserDetails> users, Map<String, LedgerSecurityProperties.User> scoped) {
        this.users = new InMemoryUserDetailsManager(users);
        this.scoped = Map.copyOf(scoped);
    }

    boolean userExists(String username) {
        return users.userExists(username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return scoped(users.loadUserByUsername(username));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        return scoped(users.updatePassword(user, newPassword));
    }

    private UserDetails scoped(UserDetails user) {
        var configured = scoped.get(user.getUsername().toLowerCase());
        return configured == null ? user
                : new ScopedUser(user, configured.units(), Boolean.TRUE.equals(configured.superUser()));
    }
}
