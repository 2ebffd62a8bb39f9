package org.subledger.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import java.util.Collection;
import java.util.UUID;

/** A request authenticated by an API key: it acts as the key's user, with the key's roles only. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID keyId;
    private final String principal;

    /** With the key's authorities: {@code ROLE_} and each of its effective roles, as {@link ApiKeys} derives them. */
    ApiKeyAuthentication(UUID keyId, String principal, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.keyId = keyId;
        this.principal = principal;
        setAuthenticated(true);
    }

    public UUID keyId() {
        return keyId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
