package org.subledger.kernel.account;

import org.subledger.kernel.money.Money;

import java.time.Instant;

/**
 * One posting on an account's statement: what it was, the signed effect on the balance, and the balance after it.
 */
public record StatementLine(long sequenceNumber,
                            String postingId,
                            String entryType,
                            Instant postedAt,
                            String narrative,
                            String reference,
                            Money amount,
                            Money balanceEffect,
                            Money runningBalance) {
}
