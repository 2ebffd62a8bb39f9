package org.subledger.platform.security;

import org.subledger.kernel.access.AccessScope;

import java.security.Principal;

/** A user signed in at the external identity provider, as its bearer token describes it. */
public record TokenPrincipal(String name, AccessScope accessScope) implements Principal, ScopedPrincipal {

    @Override
    public String getName() {
        return name;
    }
}
