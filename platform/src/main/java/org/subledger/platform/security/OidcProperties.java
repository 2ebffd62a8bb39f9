package org.subledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Bearer JWTs of an external identity provider (Keycloak or any OpenID Connect provider), off unless one of
 * {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location} is set. API keys ({@code Bearer sk_…}) keep
 * working beside them.
 *
 * @param issuerUri         the provider's issuer: every token's {@code iss} must be it; alone, the signing keys are
 *                          discovered from it ({@code /.well-known/openid-configuration}) at the first token
 * @param jwkSetUri         where the provider publishes its signing keys
 * @param publicKeyLocation an RSA public key (PEM, e.g. {@code file:/etc/ledger/idp.pem}) that signs the tokens
 * @param audiences         when set, a token must name one of them in {@code aud}
 * @param userNameClaim     the claim naming the user, recorded as the principal of what it does
 *                          (default {@code preferred_username}; {@code sub} when a token has none)
 * @param rolesClaim        the claim listing the user's roles, e.g. {@code AGENT} (default {@code roles}; a dotted
 *                          path reaches into an object, e.g. {@code realm_access.roles})
 * @param unitsClaim        the claim listing the unit codes the user acts for, the first one the acting unit
 *                          (default {@code units})
 * @param superUserClaim    a boolean claim making the user a super user; none by default
 */
@ConfigurationProperties("ledger.security.oidc")
public record OidcProperties(String issuerUri, String jwkSetUri, String publicKeyLocation, List<String> audiences,
                             String userNameClaim, String rolesClaim, String unitsClaim, String superUserClaim) {

    public OidcProperties {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        userNameClaim = blank(userNameClaim) ? "preferred_username" : userNameClaim;
        rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
        unitsClaim = blank(unitsClaim) ? "units" : unitsClaim;
        superUserClaim = blank(superUserClaim) ? null : superUserClaim;
    }

    public boolean enabled() {
        return !blank(issuerUri) || !blank(jwkSetUri) || !blank(publicKeyLocation);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
