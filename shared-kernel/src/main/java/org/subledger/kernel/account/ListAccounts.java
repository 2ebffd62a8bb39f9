package org.subledger.kernel.account;

import org.subledger.kernel.access.AccessScope;

/**
 * A page of account summaries, optionally only those in one settlement status, and only those {@code scope} may
 * read ({@code null}: all). Answer: {@link AccountPage}.
 */
public record ListAccounts(AccountStatus status, int page, int size, AccessScope scope) {

    public ListAccounts(AccountStatus status, int page, int size) {
        this(status, page, size, null);
    }
}
