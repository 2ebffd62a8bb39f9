package org.subledger.query.account;

import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.money.Money;

import java.time.Instant;

/**
 * An account in the query API. Amounts are {@link Money} ({@code "balance": {"amount": "20.00", "currency": "EUR"}},
 * as every amount the API writes), in the account's {@code currency}. A positive balance is what the customer owes.
 * {@code owningUnit}: the organisational unit that owns it (absent for accounts of no unit).
 */
public record AccountView(String accountId,
                          CustomerType type,
                          String name,
                          String currency,
                          Money creditLimit,
                          Money balance,
                          AccountStatus status,
                          boolean closed,
                          String creditRating,
                          String classification,
                          String openedBy,
                          Instant openedAt,
                          Instant lastMovementAt,
                          long version,
                          String owningUnit) {

    public static AccountView of(AccountSummary summary) {
        return new AccountView(summary.accountId(), summary.type(), summary.name(), summary.currency(),
                summary.creditLimit(), summary.balance(), summary.status(), summary.closed(),
                summary.creditRating(), summary.classification(), summary.openedBy(), summary.openedAt(),
                summary.lastMovementAt(), summary.version(), summary.owningUnit());
    }
}
