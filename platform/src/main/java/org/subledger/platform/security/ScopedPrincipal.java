package org.subledger.platform.security;

import org.subledger.kernel.access.AccessScope;

/** An authenticated principal that knows what it may see: the ledger's own users and customer logins. */
public interface ScopedPrincipal {
    AccessScope accessScope();
}
