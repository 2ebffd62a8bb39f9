package org.subledger.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Who am I: the signed-in user's roles, units and what it may see, as the ledger resolves them for its requests. */
@RestController
@Tag(name = "Users")
class MeController {

    private final UserDetailsService users;

    MeController(UserDetailsService users) {
        this.users = users;
    }

    /**
     * @param units          the units the user belongs to, the acting unit first
     * @param effectiveUnits the units whose records the user may read and change, and whose restricted catalog
     *                       entries it may select: its units, everything under them and the units they collaborate with
     * @param superUser      sees and changes everything
     * @param superReader    reads everything
     */
    record Me(String userName, String displayName, Set<String> roles, List<String> units, String actingUnit,
              boolean superUser, boolean superReader, Set<String> effectiveUnits) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user: roles, units and effective permissions")
    Me me(Authentication authentication) {
        var scope = AccessScopes.of(authentication);
        var roles = new TreeSet<String>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority().startsWith("ROLE_")) {
                roles.add(authority.getAuthority().substring("ROLE_".length()));
            }
        }
        DirectoryUser user = authentication.getPrincipal() instanceof DirectoryUser directoryUser ? directoryUser
                : directoryUser(authentication.getName());
        return new Me(authentication.getName(), user == null ? authentication.getName() : user.displayName(), roles,
                user == null ? List.of() : user.units(), scope.actingUnit(), scope.superUser(), scope.superReader(),
                new TreeSet<>(scope.units()));
    }

    /** A request made with an API key names its user only. */
    private DirectoryUser directoryUser(String name) {
        try {
            return users.loadUserByUsername(name) instanceof DirectoryUser user ? user : null;
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
