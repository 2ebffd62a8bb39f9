package org.subledger.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/** A request authenticated by a bearer JWT of the identity provider; the token itself is the credential. */
public class BearerJwtAuthentication extends AbstractAuthenticationToken {

    private final TokenPrincipal principal;
    private final Jwt token;

    BearerJwtAuthentication(TokenPrincipal principal, Jwt token, Collection<? extends GrantedAuthority> roles) {
        super(roles);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public TokenPrincipal getPrincipal() {
        return principal;
    }
}
