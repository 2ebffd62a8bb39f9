package org.subledger.kernel.account;

import org.subledger.kernel.access.AccessScope;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A page of account summaries, optionally only those in one settlement status, only those owing more than
 * {@code overdueMoreThan} on bills due before {@code dueBefore} (both null: any), and only those {@code scope} may
 * read ({@code null}: all). Answer: {@link AccountPage}.
 */
public record ListAccounts(AccountStatus status, int page, int size, AccessScope scope, BigDecimal overdueMoreThan,
                           LocalDate dueBefore) {

    public ListAccounts(AccountStatus status, int page, int size, AccessScope scope) {
        this(status, page, size, scope, null, null);
    }

    public ListAccounts(AccountStatus status, int page, int size) {
        this(status, page, size, null);
    }
}
