package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

import java.time.Instant;

/**
 * An account as readers see it: who the customer is, the credit limit, the balance (positive: the customer owes),
 * the settlement status, and the last movement of the balance. {@code version} is the sequence number of the last
 * event reflected. {@code owningUnit}: the unit that owns it ({@code null}: open to all staff).
 */
public record AccountSummary(String accountId,
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
}
