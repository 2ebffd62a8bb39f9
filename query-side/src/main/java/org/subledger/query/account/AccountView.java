package org.subledger.query.account;

import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An account in the query API. Amounts are {@link Money} ({@code "balance": {"amount": "20.00", "currency": "EUR"}},
 * as every amount the API writes), in the account's {@code currency}. A positive balance is what the customer owes.
 * {@code owningUnit}: the organisational unit that owns it (absent for accounts of no unit). {@code overdueAmount}:
 * what it owes on bills (and charges) whose due date has passed, on the ledger's today or the {@code asOf} instant's
 * date; {@code oldestDueDate}: the earliest of those due dates (absent when nothing is overdue).
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
                          String owningUnit,
                          Money overdueAmount,
                          LocalDate oldestDueDate) {

    /** {@code overdue}: its overdue figures, null when nothing is overdue. */
    public static AccountView of(AccountSummary summary, OverdueAccounts.Overdue overdue) {
        Money overdueAmount = overdue != null ? overdue.amount()
                : Money.zero(Currency.getInstance(summary.currency()));
        return new AccountView(summary.accountId(), summary.type(), summary.name(), summary.currency(),
                summary.creditLimit(), summary.balance(), summary.status(), summary.closed(),
                summary.creditRating(), summary.classification(), summary.openedBy(), summary.openedAt(),
                summary.lastMovementAt(), summary.version(), summary.owningUnit(), overdueAmount,
                overdue == null ? null : overdue.oldestDueDate());
    }
}
