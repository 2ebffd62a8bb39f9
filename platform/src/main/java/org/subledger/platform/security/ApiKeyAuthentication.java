package org.subledger.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Set;
import java.util.UUID;

/** A request authenticated by an API key: it acts as the key's user, with the key's roles only. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID keyId;
    private final String principal;

    ApiKeyAuthentication(UUID keyId, String principal, Set<String> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
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
