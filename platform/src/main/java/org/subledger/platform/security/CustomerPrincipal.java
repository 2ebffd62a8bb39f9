package org.subledger.platform.security;

import org.subledger.kernel.access.AccessScope;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer logged in with its own login: it reads its own accounts and nothing else. Named after its accounts, not
 * after the identity number it may have typed, so no personal data reaches the events' metadata.
 */
public record CustomerPrincipal(Set<String> accounts) implements Principal, ScopedPrincipal {

    public static final String ROLE = "CUSTOMER";

    public CustomerPrincipal {
        accounts = Set.copyOf(accounts);
    }

    @Override
    public String getName() {
        return "customer:" + String.join(",", new TreeSet<>(accounts));
    }

    @Override
    public AccessScope accessScope() {
        return new AccessScope(getName(), null, Set.of(), false, false, accounts);
    }
}
