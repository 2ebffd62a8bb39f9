package org.subledger.query.account;

import org.subledger.kernel.account.StatementLine;

import org.subledger.kernel.money.Money;
import java.time.Instant;

/**
 * One posting on a statement. {@code amount} is always positive; {@code balanceEffect} is signed (positive: the
 * customer owes more); {@code runningBalance} is the balance right after the posting. All in {@code currency}.
 */
public record StatementLineView(long sequenceNumber,
                                String postingId,
                                String entryType,
                                Instant postedAt,
                                String narrative,
                                String reference,
                                Money amount,
                                Money balanceEffect,
                                Money runningBalance,
                                String currency) {

    static StatementLineView of(StatementLine line) {
        return new StatementLineView(line.sequenceNumber(), line.postingId(), line.entryType(), line.postedAt(),
                line.narrative(), line.reference(), line.amount(), line.balanceEffect(), line.runningBalance(),
                line.amount().currency().getCurrencyCode());
    }
}
