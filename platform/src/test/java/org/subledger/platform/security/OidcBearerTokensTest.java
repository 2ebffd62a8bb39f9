package org.subledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a decoded token's claims make of its user: name, roles, units, super user and super reader. */
class OidcBearerTokensTest {

    static final OidcProperties DEFAULTS = new OidcProperties(null, null, "file:idp.pem", null, null, null, null,
            "ledger_super_user");
    /** Without a directory: the token's units as they are (BearerJwtIT expands them through the real one). */
    static final Function<List<String>, Set<String>> AS_GIVEN = Set::copyOf;

    static Jwt.Builder jwt() {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60)).subject("f81d4fae");
    }

    @Test
    void theClaimsNameTheUserItsRolesAndItsUnitsTheFirstOfWhichItActsFor() {
        var authentication = (BearerJwtAuthentication) OidcBearerTokens.converter(DEFAULTS, AS_GIVEN).convert(jwt()
                .claim("preferred_username", "alice").claim("roles", List.of("agent", "SUPERVISOR"))
                .claim("units", List.of("CUSTOMER-SERVICE", "SALES")).build());

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_SUPERVISOR");
        var scope = AccessScopes.of(authentication);
        assertThat(scope.principal()).isEqualTo("alice");
        assertThat(scope.actingUnit()).isEqualTo("CUSTOMER-SERVICE");
        assertThat(scope.units()).containsExactlyInAnyOrder("CUSTOMER-SERVICE", "SALES");
        assertThat(scope.superUser()).isFalse();
        assertThat(scope.superReader()).isFalse();
        assertThat(scope.isCustomer()).isFalse();
    }

    @Test
    void rolesMayComeAsAStringOrInANestedClaimAndMalformedEntriesAreDropped() {
        var nested = new OidcProperties(null, null, "file:idp.pem", null, "email", "realm_access.roles", "groups",
                null);
        var authentication = OidcBearerTokens.converter(nested, AS_GIVEN).convert(jwt().claim("email", "bob@example.test")
                .claim("realm_access", Map.of("roles", "auditor reporter"))
                .claim("groups", List.of("BACK-OFFICE", "not a unit!")).build());

        assertThat(authentication.getName()).isEqualTo("bob@example.test");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_REPORTER");
        var scope = AccessScopes.of(authentication);
        assertThat(scope.units()).isEqualTo(Set.of("BACK-OFFICE"));
        assertThat(scope.superReader()).isTrue();
    }

    @Test
    void theSuperUserClaimMakesASuperUser() {
        var scope = AccessScopes.of(OidcBearerTokens.converter(DEFAULTS, AS_GIVEN).convert(jwt()
                .claim("preferred_username", "root").claim("ledger_super_user", true).build()));
        assertThat(scope.superUser()).isTrue();
        assertThat(scope.actingUnit()).isNull();
    }

    @Test
    void aTokenWithoutANameFallsBackToItsSubjectAndOneWithNeitherIsRefused() {
        assertThat(OidcBearerTokens.converter(DEFAULTS, AS_GIVEN).convert(jwt().claim("roles", List.of()).build()).getName())
                .isEqualTo("f81d4fae");
        assertThatThrownBy(() -> OidcBearerTokens.converter(DEFAULTS, AS_GIVEN).convert(Jwt.withTokenValue("t")
                .header("alg", "RS256").claim("roles", List.of()).build()))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void offUnlessAnIssuerAKeySetOrAPublicKeyIsConfigured() {
        assertThat(new OidcProperties(null, null, null, null, null, null, null, null).enabled()).isFalse();
        assertThat(new OidcProperties("https://idp", null, null, null, null, null, null, null).enabled()).isTrue();
        assertThat(DEFAULTS.userNameClaim()).isEqualTo("preferred_username");
        assertThat(DEFAULTS.rolesClaim()).isEqualTo("roles");
        assertThat(DEFAULTS.unitsClaim()).isEqualTo("units");
    }
}
