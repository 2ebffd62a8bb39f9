package org.subledger.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.metadata.LedgerMetadata;

/**
 * The access scope of the current request. A principal that carries none (a user configured in
 * {@code ledger.security.users}) is a bootstrap user and sees everything; no authentication at all is the ledger's
 * own work.
 */
public final class AccessScopes {

    private AccessScopes() {
    }

    public static AccessScope current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static AccessScope of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return AccessScope.everything(LedgerMetadata.SYSTEM_PRINCIPAL);
        }
        if (authentication.getPrincipal() instanceof ScopedPrincipal scoped) {
            return scoped.accessScope();
        }
        if (authentication.getDetails() instanceof ScopedPrincipal scoped) {
            return scoped.accessScope();
        }
        return AccessScope.everything(authentication.getName());
    }
}
