package org.subledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.subledger.kernel.access.AccessScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bearer JWTs of an external identity provider, beside the ledger's API keys: both come as
 * {@code Authorization: Bearer …}, so an {@code sk_…} token is left to the API-key filter and every other one is
 * decoded as a JWT. A valid token becomes a {@link TokenPrincipal} with the roles, units and super-user flag its
 * claims name; an expired, wrongly signed, foreign (issuer, audience) or malformed one is refused with 401.
 */
final class OidcBearerTokens {

    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    /** Auditors and reporting tools read everything, as the ledger's own users of those roles do. */
    private static final Set<String> SUPER_READER_ROLES = Set.of("AUDITOR", "REPORTER");

    private OidcBearerTokens() {
    }

    static void configure(HttpSecurity http, OidcProperties oidc, ApiKeys apiKeys, LedgerUsers directory,
                          AuthenticationEntryPoint entryPoint,
                          AccessDeniedHandler denied) throws Exception {
        if (!oidc.enabled()) {
            return;
        }
        var standard = new DefaultBearerTokenResolver();
        BearerTokenResolver jwtsOnly = request -> {
            String token = standard.resolve(request);
            return token == null || apiKeys.looksLikeKey(token) ? null : token;
        };
        var tokens = new JwtAuthenticationProvider(decoder(oidc));
        tokens.setJwtAuthenticationConverter(converter(oidc, directory::effectiveUnits));
        // a manager of its own: the chain's (passwords) knows nothing of JWTs
        var manager = new ProviderManager(tokens);
        http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(jwtsOnly)
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(denied)
                .jwt(jwt -> jwt.authenticationManager(manager)));
    }

    static JwtDecoder decoder(OidcProperties oidc) {
        NimbusJwtDecoder decoder;
        if (present(oidc.publicKeyLocation())) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(oidc.publicKeyLocation())).build();
        } else if (present(oidc.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(present(oidc.issuerUri()) ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri())
                : JwtValidators.createDefault());
        if (!oidc.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(oidc.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /**
     * @param effectiveUnits the units a member of the token's units sees: with the directory, those units, their
     *                       descendants and the units they collaborate with, as for the ledger's own users
     */
    static Converter<Jwt, AbstractAuthenticationToken> converter(OidcProperties oidc,
                                                                 Function<List<String>, Set<String>> effectiveUnits) {
        return jwt -> {
            String name = jwt.getClaimAsString(oidc.userNameClaim());
            if (!present(name)) {
                name = jwt.getSubject();
            }
            if (!present(name) || name.length() > 255) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "the token names no user", null));
            }
            Set<String> roles = codes(claim(jwt, oidc.rolesClaim()), ROLE);
            List<String> units = List.copyOf(codes(claim(jwt, oidc.unitsClaim()), UNIT));
            boolean superUser = oidc.superUserClaim() != null
                    && "true".equalsIgnoreCase(String.valueOf(claim(jwt, oidc.superUserClaim())));
            boolean superReader = superUser || roles.stream().anyMatch(SUPER_READER_ROLES::contains);
            var scope = new AccessScope(name, units.isEmpty() ? null : units.get(0), effectiveUnits.apply(units), superUser,
                    superReader, Set.of());
            List<GrantedAuthority> authorities = roles.stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new BearerJwtAuthentication(new TokenPrincipal(name, scope), jwt, authorities);
        };
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles}). */
    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** A list claim or a space- or comma-separated string, upper-cased; entries not shaped like a code are dropped. */
    private static Set<String> codes(Object claim, Pattern shape) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<String> codes = new LinkedHashSet<>();
        for (Object value : values) {
            String code = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            if (shape.matcher(code).matches()) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream pem = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("ledger.security.oidc.public-key-location: cannot read " + location, e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
