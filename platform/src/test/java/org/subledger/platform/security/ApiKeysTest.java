package org.subledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.subledger.platform.security.ApiKeyStore.StoredKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A key's authorities are remembered with the user's authorities they came from, yet a key never has more than its
 * user has today: a role taken from the user is gone from the key's next request, a role given back returns.
 */
class ApiKeysTest {

    static final Instant NOW = Instant.parse("2026-12-02T17:00:00Z");

    final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("agent").password("{noop}demo").roles("AGENT", "BILLING").build());
    final ApiKeyStore store = mock(ApiKeyStore.class);
    final ApiKeys apiKeys = new ApiKeys(new ApiKeySecret("test", "a-test-secret", null), store, users,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void aKeyLosesARoleItsUserLostAtItsNextRequestAndHasItAgainWhenGivenBack() {
        when(store.byHash(anyString())).thenReturn(Optional.of(key(Set.of("AGENT", "BILLING"))));
        assertThat(rolesOf("sk_test_a")).containsExactly("ROLE_AGENT", "ROLE_BILLING");
        assertThat(rolesOf("sk_test_a")).as("remembered").containsExactly("ROLE_AGENT", "ROLE_BILLING");

        users.updateUser(User.withUsername("agent").password("{noop}demo").roles("AGENT").build());
        assertThat(rolesOf("sk_test_a")).containsExactly("ROLE_AGENT");

        users.updateUser(User.withUsername("agent").password("{noop}demo").roles("AGENT", "BILLING").build());
        assertThat(rolesOf("sk_test_a")).containsExactly("ROLE_AGENT", "ROLE_BILLING");
    }

    @Test
    void aKeyHasOnlyItsOwnRolesAndNothingOnceItsUserIsDisabled() {
        when(store.byHash(anyString())).thenReturn(Optional.of(key(Set.of("AGENT"))));
        assertThat(rolesOf("sk_test_b")).containsExactly("ROLE_AGENT");

        users.updateUser(User.withUsername("agent").password("{noop}demo").roles("AGENT").disabled(true).build());
        assertThat(apiKeys.authenticate("sk_test_b")).isEmpty();
    }

    private Set<String> rolesOf(String token) {
        return apiKeys.authenticate(token).orElseThrow().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static StoredKey key(Set<String> roles) {
        return new StoredKey(UUID.fromString("00000000-0000-0000-0000-000000000001"), "sk_test_abcd", "till",
                "agent", new TreeSet<>(roles), NOW, "agent", null, null, null);
    }
}
