package org.subledger.query.account;

import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An account in the query API. Amounts are JSON numbers at the currency's scale ({@code "balance": 20.00}); their
 * currency is the account's, given once in {@code currency}. A positive balance is what the customer owes.
 * {@code owningUnit}: the organisational unit that owns it (absent for accounts of no unit). {@code overdueAmount}:
 * what it owes on bills (and charges) whose due date has passed, on the ledger's today or the {@code asOf} instant's
 * date; {@code oldestDueDate}: the earliest of those due dates (absent when nothing is overdue).
 */
public record AccountView(String accountId,
                          CustomerType type,
                          String name,
                          String currency,
                          BigDecimal creditLimit,
                          BigDecimal balance,
                          AccountStatus status,
                          boolean closed,
                          String creditRating,
                          String classification,
                          String openedBy,
                          Instant openedAt,
                          Instant lastMovementAt,
                          long version,
                          String owningUnit,
                          BigDecimal overdueAmount,
                          LocalDate oldestDueDate) {

    /** {@code overdue}: its overdue figures, null when nothing is overdue. */
    public static AccountView of(AccountSummary summary, OverdueAccounts.Overdue overdue) {
        BigDecimal overdueAmount = overdue != null ? amountOf(overdue.amount())
                : Money.zero(Currency.getInstance(summary.currency())).amount();
        return new AccountView(summary.accountId(), summary.type(), summary.name(), summary.currency(),
                amountOf(summary.creditLimit()), amountOf(summary.balance()), summary.status(), summary.closed(),
                summary.creditRating(), summary.classification(), summary.openedBy(), summary.openedAt(),
                summary.lastMovementAt(), summary.version(), summary.owningUnit(), overdueAmount,
                overdue == null ? null : overdue.oldestDueDate());
    }

    static BigDecimal amountOf(Money money) {
        return money == null ? null : money.amount();
    }
}
