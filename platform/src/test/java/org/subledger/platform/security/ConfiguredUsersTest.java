package org.subledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.subledger.kernel.access.AccessScope;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConfiguredUsersTest {

    private final ConfiguredUsers users = new ConfiguredUsers(List.of(
            User.withUsername("maria").password("{noop}x").roles("AGENT").build(),
            User.withUsername("olga").password("{noop}x").roles("AUDITOR").build(),
            User.withUsername("root").password("{noop}x").roles("ADMIN").build(),
            User.withUsername("plain").password("{noop}x").roles("AGENT").build()),
            Map.of("maria", new LedgerSecurityProperties.User("maria", null, List.of("AGENT"),
                            List.of("CUSTOMER-SERVICE", "SALES"), null),
                    "olga", new LedgerSecurityProperties.User("olga", null, List.of("AUDITOR"),
                            List.of("BACK-OFFICE"), null),
                    "root", new LedgerSecurityProperties.User("root", null, List.of("ADMIN"), List.of(), true)));

    @Test
    void aUserOfUnitsActsForItsFirstUnitAndSeesExactlyThoseUnits() {
        AccessScope scope = scopeOf("maria");
        assertThat(scope.actingUnit()).isEqualTo("CUSTOMER-SERVICE");
        assertThat(scope.units()).containsExactlyInAnyOrder("CUSTOMER-SERVICE", "SALES");
        assertThat(scope.superUser()).isFalse();
        assertThat(scope.superReader()).isFalse();
        assertThat(scope.mayChange("BILLING-FINANCE")).isFalse();
    }

    @Test
    void auditorsAreSuperReadersAndTheSuperUserSeesEverything() {
        assertThat(scopeOf("olga").superReader()).isTrue();
        assertThat(scopeOf("olga").mayChange("SALES")).isFalse();
        assertThat(scopeOf("root").superUser()).isTrue();
        assertThat(scopeOf("root").actingUnit()).isNull();
    }

    @Test
    void aUserConfiguredWithoutUnitsKeepsSeeingEverything() {
        assertThat(scopeOf("plain")).isEqualTo(AccessScope.everything("plain"));
        assertThat(scopeOf("plain").units()).isEqualTo(Set.of());
    }

    private AccessScope scopeOf(String name) {
        var user = users.loadUserByUsername(name);
        return AccessScopes.of(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
